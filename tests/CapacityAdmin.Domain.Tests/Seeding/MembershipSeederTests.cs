using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Seeding;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Seeding;

/// <summary>
/// The membership seed on a small world: 4 states whose names sort differently with and without case
/// ("andhra Pradesh", "Bihar", "Chhattisgarh", "Telangana"), Telangana with 2 districts (3 + 1 mandals),
/// 2 cells, 2 designations.
/// </summary>
public sealed class MembershipSeederTests : IAsyncLifetime
{
    private const int Cells = 2;
    private const int Zones = 5;
    private const int SimpleRows = Cells * (1 + Zones);
    private MembershipDatabase _db = null!;
    private readonly MembershipTestClock _clock = new();

    private static readonly MembershipSeedData World = new(
        [
            new SeedState("TG", "Telangana", "SOUTH",
            [
                new SeedDistrict("TG-HYD", "Hyderabad", [new SeedMandal("TG-HYD-NAM", "Nampally"), new SeedMandal("TG-HYD-AMB", "Amberpet"), new SeedMandal("TG-HYD-CHA", "Charminar")]),
                new SeedDistrict("TG-ADB", "Adilabad", [new SeedMandal("TG-ADB-BOA", "Boath")]),
            ]),
            new SeedState("CG", "Chhattisgarh", "central"),
            new SeedState("BR", "Bihar", "EAST"),
            new SeedState("AP", "andhra Pradesh", "SOUTH"),
        ],
        [new SeedCell("GB", "General Body"), new SeedCell("WW", "Women Wing")],
        [new SeedDesignation("PRES", "President", 1, 100m, 365, 1), new SeedDesignation("MEM", "Member", 71, 0m, 365, 2)],
        new SeedLevelCapacities(72, 40, 120, 80, 50));

    private MembershipSeeder Seeder => new(_db, _clock);

    public async Task InitializeAsync() => _db = await MembershipDatabase.CreateSqliteAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static MembershipSeedOptions Advanced(int? states = null, int? districts = null, int? mandals = null, string[]? names = null, bool prune = false) =>
        new(MembershipSeedMode.Advanced, prune, states, districts, mandals, names);

    private async Task<MembershipSeedResult> SeedOkAsync(MembershipSeedOptions options) => Ok(await Seeder.SeedAsync(World, options));

    private async Task<List<LevelCapacity>> RowsAsync(Level? level = null)
    {
        await using var db = _db.CreateDbContext();
        var rows = await db.LevelCapacities.AsNoTracking().ToListAsync();
        return rows.Where(r => level is null || r.Level == level).OrderBy(r => r.CellCode).ThenBy(r => r.Level).ThenBy(r => r.UnitCode).ToList();
    }

    private async Task<List<string>> UnitsAsync(Level level, string cell = "GB") =>
        (await RowsAsync(level)).Where(r => r.CellCode == cell).Select(r => r.UnitCode).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Seed_SimpleOnEmptyDatabase_CreatesCatalogAndNationalAndZoneRowsOnly()
    {
        var result = await SeedOkAsync(MembershipSeedOptions.Simple);

        Assert.Equal(new SeedCounts(4, 0, 0), result.States);
        Assert.Equal(new SeedCounts(2, 0, 0), result.Districts);
        Assert.Equal(new SeedCounts(4, 0, 0), result.Mandals);
        Assert.Equal(new SeedCounts(2, 0, 0), result.Cells);
        Assert.Equal(new SeedCounts(2, 0, 0), result.Designations);
        Assert.Equal(new SeedCounts(SimpleRows, 0, 0), result.LevelCapacities);
        Assert.Equal($"created {4 + 2 + 4 + 2 + 2 + SimpleRows}, updated 0, removed 0", result.Summary);
        var rows = await RowsAsync();
        Assert.All(rows.Where(r => r.Level == Level.NATIONAL), r => Assert.Equal((72, ""), (r.Capacity, r.UnitCode)));
        Assert.Equal(["CENTRAL", "EAST", "NORTH", "SOUTH", "WEST"], await UnitsAsync(Level.ZONE, "WW"));
        Assert.All(rows.Where(r => r.Level == Level.ZONE), r => Assert.Equal(40, r.Capacity));
        Assert.DoesNotContain(rows, r => r.Level > Level.ZONE);
        await using var db = _db.CreateDbContext();
        Assert.Equal(Zone.CENTRAL, (await db.States.SingleAsync(s => s.Code == "CG")).Zone);
        Assert.Equal("TG-HYD", (await db.Mandals.SingleAsync(m => m.Code == "TG-HYD-AMB")).DistrictCode);
        Assert.All(await db.Cells.ToListAsync(), c => Assert.True(c.IsActive));
        Assert.All(await db.MembershipCapacityChanges.ToListAsync(), c => Assert.Equal(("seed", "seed"), (c.Reason, c.ChangedBy)));
    }

    [Fact]
    public async Task Seed_RunTwiceInEachMode_SecondRunChangesNothing()
    {
        await SeedOkAsync(MembershipSeedOptions.Simple);
        Assert.Equal("created 0, updated 0, removed 0", (await SeedOkAsync(MembershipSeedOptions.Simple)).Summary);

        await SeedOkAsync(Advanced(states: 2, prune: true));
        Assert.Equal("created 0, updated 0, removed 0", (await SeedOkAsync(Advanced(states: 2, prune: true))).Summary);
        Assert.Equal("created 0, updated 0, removed 0", (await SeedOkAsync(Advanced(states: 2))).Summary);
    }

    [Fact]
    public async Task Seed_SimpleThenAdvancedThenSimple_AddsAndThenRemovesTheFinerRows()
    {
        await SeedOkAsync(MembershipSeedOptions.Simple);

        var advanced = await SeedOkAsync(Advanced());

        Assert.Equal((4, 2, 4), (advanced.SelectedStates, advanced.SelectedDistricts, advanced.SelectedMandals));
        Assert.Equal(new SeedCounts(Cells * (4 + 2 + 4), 0, 0), advanced.LevelCapacities);
        Assert.Equal(["AP", "BR", "CG", "TG"], await UnitsAsync(Level.STATE));
        Assert.All(await RowsAsync(Level.STATE), r => Assert.Equal(120, r.Capacity));
        Assert.All(await RowsAsync(Level.DISTRICT), r => Assert.Equal(80, r.Capacity));
        Assert.All(await RowsAsync(Level.MANDAL), r => Assert.Equal(50, r.Capacity));

        var simple = await SeedOkAsync(MembershipSeedOptions.Simple with { Prune = true });

        Assert.Equal($"created 0, updated 0, removed {Cells * 10}", simple.Summary);
        var rows = await RowsAsync();
        Assert.Equal(SimpleRows, rows.Count);
        Assert.DoesNotContain(rows, r => r.Level > Level.ZONE);
    }

    [Fact]
    public async Task Seed_SimpleWithoutPrune_AlsoRemovesFinerRowsOfSeededCells_IncludingBlanketOnes_ButKeepsOtherCells()
    {
        await SeedOkAsync(Advanced(states: 1));
        var harness = await MembershipHarness.CreateAsync(_db); // another cell (prefixed GB) with its own caps
        await harness.CapAsync(Level.STATE, "S1", 5);
        await using (var db = _db.CreateDbContext())
        {
            db.LevelCapacities.Add(new LevelCapacity("GB", Level.DISTRICT, "", 9)); // a blanket row CS added
            await db.SaveChangesAsync();
        }

        var result = await SeedOkAsync(MembershipSeedOptions.Simple);

        Assert.Equal(new SeedCounts(0, 0, Cells * 1 + 1), result.LevelCapacities);
        var rows = await RowsAsync();
        Assert.DoesNotContain(rows, r => r.Level > Level.ZONE && (r.CellCode == "GB" || r.CellCode == "WW"));
        Assert.Contains(rows, r => r.CellCode == harness.C("GB") && r.Level == Level.STATE);
    }

    [Fact]
    public async Task Seed_AdvancedNarrower_KeepsRowsOutsideTheSelection_UnlessPruned()
    {
        await SeedOkAsync(Advanced());

        var narrower = await SeedOkAsync(Advanced(states: 1, districts: 0));
        Assert.Equal("created 0, updated 0, removed 0", narrower.Summary);
        Assert.Equal(4, (await UnitsAsync(Level.STATE)).Count);

        var pruned = await SeedOkAsync(Advanced(states: 1, districts: 0, prune: true));

        Assert.Equal(new SeedCounts(0, 0, Cells * (3 + 2 + 4)), pruned.LevelCapacities);
        Assert.Equal(["AP"], await UnitsAsync(Level.STATE));
        Assert.Empty(await RowsAsync(Level.DISTRICT));
        Assert.Equal(SimpleRows + Cells, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task Seed_AdvancedLimits_TakeUnitsInNameOrderIgnoringCase_DistrictsPerStateMandalsPerDistrict()
    {
        var result = await SeedOkAsync(Advanced(states: 2, districts: 5, mandals: 2));

        Assert.Equal(["AP", "BR"], await UnitsAsync(Level.STATE)); // "andhra Pradesh" sorts before "Bihar"
        Assert.Empty(await RowsAsync(Level.DISTRICT));
        Assert.Equal((2, 0, 0), (result.SelectedStates, result.SelectedDistricts, result.SelectedMandals));

        await SeedOkAsync(Advanced(names: ["telangana"], districts: 1, mandals: 2, prune: true));

        Assert.Equal(["TG"], await UnitsAsync(Level.STATE));
        Assert.Equal(["TG-ADB"], await UnitsAsync(Level.DISTRICT)); // Adilabad before Hyderabad
        Assert.Equal(["TG-ADB-BOA"], await UnitsAsync(Level.MANDAL));

        await SeedOkAsync(Advanced(names: ["TELANGANA"], districts: 2, mandals: 2, prune: true));

        Assert.Equal(["TG-ADB", "TG-HYD"], await UnitsAsync(Level.DISTRICT));
        Assert.Equal(["TG-ADB-BOA", "TG-HYD-AMB", "TG-HYD-CHA"], await UnitsAsync(Level.MANDAL)); // Amberpet, Charminar; not Nampally
    }

    [Fact]
    public async Task Seed_FilterStateNames_CaseInsensitive_ThenMaxStatesInNameOrder()
    {
        await SeedOkAsync(Advanced(names: [" TELANGANA", "bihar ", "CHHATTISGARH"], states: 2, districts: 0));

        Assert.Equal(["BR", "CG"], await UnitsAsync(Level.STATE)); // Bihar, Chhattisgarh; Telangana is third by name
    }

    [Fact]
    public async Task Seed_FilterStateNamesWithUnknownName_IsRefusedNamingTheVariable_AndWritesNothing()
    {
        var result = await Seeder.SeedAsync(World, Advanced(names: ["Telangana", "Atlantis"]));

        var error = Refused(result, ErrorCodes.ValidationFailed);
        Assert.Contains("FILTER_STATE_NAMES", error.Detail);
        Assert.Contains("'Atlantis'", error.Detail);
        Assert.True(error.Errors!.ContainsKey("FILTER_STATE_NAMES"));
        await using var db = _db.CreateDbContext();
        Assert.False(await db.States.AnyAsync());
        Assert.False(await db.Cells.AnyAsync());
    }

    [Theory]
    [InlineData("MAX_STATES", "abc")]
    [InlineData("MAX_STATES", "-1")]
    [InlineData("MAX_DISTRICTS", "1.5")]
    [InlineData("MAX_MANDALS", "ten")]
    [InlineData("MAX_MANDALS", "99999999999")]
    [InlineData("FILTER_STATE_NAMES", " , ,")]
    public void SeedOptions_BadVariable_IsAnErrorNamingTheVariable(string variable, string value)
    {
        var result = MembershipSeedOptions.Parse("advanced", false, name => name == variable ? value : null);

        var error = Refused(result, ErrorCodes.ValidationFailed);
        Assert.Contains(variable, error.Detail);
        Assert.Equal([variable], error.Errors!.Keys);
    }

    [Fact]
    public void SeedOptions_UnsetOrBlankVariables_MeanNoLimit_ValuesAreTrimmed_ModeIgnoresCase()
    {
        var vars = new Dictionary<string, string?> { ["MAX_STATES"] = " 3 ", ["MAX_DISTRICTS"] = "", ["MAX_MANDALS"] = "0", ["FILTER_STATE_NAMES"] = "Telangana, ,Bihar" };

        var options = Ok(MembershipSeedOptions.Parse("ADVANCED", true, name => vars.GetValueOrDefault(name)));

        Assert.Equal((MembershipSeedMode.Advanced, true, 3, (int?)null, 0), (options.Mode, options.Prune, options.MaxStates, options.MaxDistricts, options.MaxMandals));
        Assert.Equal(["Telangana", "Bihar"], options.FilterStateNames!);
        Refused(MembershipSeedOptions.Parse("complex", false, _ => null), ErrorCodes.ValidationFailed);
        Refused(MembershipSeedOptions.Parse(null, false, _ => null), ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Seed_AfterCsChangedSeededValues_SetsThemBackAndAuditsWithReasonSeed()
    {
        await SeedOkAsync(MembershipSeedOptions.Simple);
        var options = Options.Create(new MembershipOptions());
        var catalog = new MembershipCatalogService(_db, _clock, options);
        Ok(await catalog.UpdateDesignationAsync(Cs, "MEM", new UpdateDesignationRequest(60, 10m, null, "board")));
        Ok(await catalog.UpsertLevelCapacityAsync(Cs, new LevelCapacityRequest(new LevelCapacityKey("GB", Level.NATIONAL), 80, "board")));

        var result = await SeedOkAsync(MembershipSeedOptions.Simple);

        Assert.Equal(new SeedCounts(0, 1, 0), result.Designations);
        Assert.Equal(new SeedCounts(0, 1, 0), result.LevelCapacities);
        Assert.Equal("created 0, updated 2, removed 0", result.Summary);
        var designation = Assert.Single(Ok(await catalog.ListDesignationsAsync(Cs)), d => d.Code == "MEM");
        Assert.Equal((71, 0m), (designation.DefaultCapacity, designation.Fee));
        var audit = Ok(await catalog.ListCapacityHistoryAsync(Cs, new CapacityHistoryQuery(Search: "seed"), new PageRequest())).Items;
        Assert.Contains(audit, c => c is { Subject: { Type: AuditSubjectType.Designation, Id: "MEM" }, Field: "defaultCapacity", OldValue: "60", NewValue: "71", Reason: "seed" });
        Assert.Contains(audit, c => c is { Subject: { Type: AuditSubjectType.LevelCapacity, Id: "GB|NATIONAL|" }, OldValue: "80", NewValue: "72", Reason: "seed" });
    }

    [Fact]
    public async Task Seed_ZoneChangeOfAStateMembershipsName_IsRefusedAndWritesNothing()
    {
        await SeedOkAsync(MembershipSeedOptions.Simple);
        var members = new MembershipService(_db, _clock, Options.Create(new MembershipOptions()),
            new CapacityAdmin.Domain.Alerts.AlertEvaluator(_db, _clock, Options.Create(new CapacityAdmin.Domain.Alerts.AlertOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<CapacityAdmin.Domain.Alerts.AlertEvaluator>.Instance,
                new MembershipReportService(_db, _clock, Options.Create(new MembershipOptions()))));
        Ok(await members.JoinAsync(Cs, new JoinMembershipRequest("m-1", new MembershipScope("GB", "MEM", Level.STATE, State: "TG"), Activate: true)));
        var moved = World with { States = [World.States[0] with { Zone = "NORTH", Name = "Telangana (renamed)" }, .. World.States.Skip(1)] };

        var result = await Seeder.SeedAsync(moved, Advanced());

        Assert.Contains("TG", Refused(result, MembershipSeeder.ConflictCode).Detail);
        await using var db = _db.CreateDbContext();
        var state = await db.States.SingleAsync(s => s.Code == "TG");
        Assert.Equal((Zone.SOUTH, "Telangana"), (state.Zone, state.Name));
        Assert.False(await db.LevelCapacities.AnyAsync(r => r.Level == Level.STATE));
    }

    [Fact]
    public async Task Seed_InvalidData_ThrowsListingTheProblems()
    {
        var bad = World with { Designations = [new SeedDesignation("bad code!", "", -1, 1.234m, 0, 1)] };

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => Seeder.SeedAsync(bad, MembershipSeedOptions.Simple));

        Assert.Contains("bad code!", ex.Message);
        Assert.Contains("defaultCapacity", ex.Message);
        Assert.Contains("fee", ex.Message);
        Assert.Contains("validityDays", ex.Message);
    }

    [Fact]
    public async Task SeedIfEmpty_SeedsSimpleOnce_ThenLeavesTheCatalogAlone()
    {
        var directory = SeedFiles.Directory;

        var first = await Seeder.SeedIfEmptyAsync(directory);
        var second = await Seeder.SeedIfEmptyAsync(directory);

        Assert.NotNull(first);
        Assert.Equal(MembershipSeedMode.Simple, first.Mode);
        Assert.Null(second);
    }
}
