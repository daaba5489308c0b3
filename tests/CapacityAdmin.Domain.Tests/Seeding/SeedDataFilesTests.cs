using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Seeding;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Seeding;

/// <summary>The committed <c>seed-data/geography.json</c> and <c>memberships.json</c>.</summary>
public sealed class SeedDataFilesTests
{
    private static readonly MembershipSeedData Data = MembershipSeedData.Load(SeedFiles.Directory);

    [Fact]
    public void Geography_HasAll36StatesAndUnionTerritories_EachInAZone()
    {
        Assert.Equal(36, Data.States.Count);
        Assert.All(Data.States, s => Assert.True(WireNames.TryParse<Zone>(s.Zone, out _), s.Name));
        foreach (var zone in Enum.GetValues<Zone>())
            Assert.Contains(Data.States, s => string.Equals(s.Zone, zone.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal("SOUTH", Data.States.Single(s => s.Name == "Telangana").Zone);
        Assert.Equal("NORTH", Data.States.Single(s => s.Name == "Delhi").Zone);
    }

    [Fact]
    public void Geography_TelanganaAndAndhraPradesh_HaveAllDistrictsAndSomeMandals()
    {
        var telangana = Data.States.Single(s => s.Code == "TG");
        var andhra = Data.States.Single(s => s.Code == "AP");

        Assert.Equal(33, telangana.Districts!.Count);
        Assert.Equal(26, andhra.Districts!.Count);
        Assert.Contains(telangana.Districts, d => d.Name == "Hyderabad" && d.Mandals!.Any(m => m.Name == "Charminar"));
        Assert.Contains(andhra.Districts, d => d.Name == "Visakhapatnam" && d.Mandals!.Count > 0);
    }

    [Fact]
    public void Memberships_CellsAndDesignations_NationalDefaultsAddUpTo72()
    {
        Assert.Equal(["GENERAL_BODY", "WOMEN_WING", "YOUTH_WING"], Data.Cells.Select(c => c.Code));
        Assert.Equal(72, Data.Designations.Sum(d => d.DefaultCapacity));
        Assert.Equal(Data.Designations.Count, Data.Designations.Select(d => d.Rank).Distinct().Count());
        Assert.Equal(new SeedLevelCapacities(72, 40, 120, 80, 50), Data.LevelCapacities);
    }

    [Fact]
    public async Task SeedFiles_AdvancedWithLimits_SeedsTheFirstUnitsByName()
    {
        await using var db = await MembershipDatabase.CreateSqliteAsync();
        var seeder = new MembershipSeeder(db, new MembershipTestClock());
        var vars = new Dictionary<string, string?> { ["MAX_DISTRICTS"] = "2", ["MAX_MANDALS"] = "3", ["FILTER_STATE_NAMES"] = "telangana,ANDHRA PRADESH" };
        var options = Ok(MembershipSeedOptions.Parse("advanced", false, vars.GetValueOrDefault));

        var result = Ok(await seeder.SeedAsync(SeedFiles.Directory, options));

        Assert.Equal((36, 0, 0), (result.States.Created, result.States.Updated, result.States.Removed));
        Assert.Equal((2, 4), (result.SelectedStates, result.SelectedDistricts));
        Assert.Equal(3 * (1 + 5 + 2 + 4 + result.SelectedMandals), result.LevelCapacities.Created);
        await using var context = db.CreateDbContext();
        var districts = await context.LevelCapacities.Where(r => r.Level == Level.DISTRICT && r.CellCode == "GENERAL_BODY")
            .Select(r => r.UnitCode).ToListAsync();
        // By name: Alluri Sitharama Raju, Anakapalli (Andhra Pradesh); Adilabad, Bhadradri Kothagudem (Telangana).
        Assert.Equal(["AP-AKP", "AP-ASR", "TG-ADB", "TG-BDK"], districts.Order(StringComparer.Ordinal));
        Assert.Equal("created 0, updated 0, removed 0", Ok(await seeder.SeedAsync(SeedFiles.Directory, options)).Summary);
    }
}
