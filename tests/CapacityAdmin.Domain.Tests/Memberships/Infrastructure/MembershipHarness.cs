using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Memberships.Infrastructure;

/// <summary>
/// The membership services over one database, a test clock, and a small world to join into.
/// Every code carries a per-harness prefix so several harnesses can share one database.
/// World: cell GB (active), cell WW (inactive); zone SOUTH: state S1 with districts D1 (mandals M1, M2)
/// and D2 (mandal M3); zone NORTH: state S2 with district D3 (mandal M4).
/// </summary>
public sealed class MembershipHarness
{
    public static readonly Actor Cs = new("cs@test", Roles.CustomerSuccess, null);
    public static readonly Actor Admin = new("admin@test", Roles.Administrator, null);
    public static readonly Actor Integration = new("key:integration", Roles.Integration, null);
    public static readonly Actor Sales = new("sales@test", Roles.Sales, null);
    public static readonly Actor CompanyAdmin = new("company@test", Roles.CompanyAdmin, Guid.NewGuid());

    private MembershipHarness(MembershipDatabase database, string prefix)
    {
        Database = database;
        Prefix = prefix;
        var options = Options.Create(new MembershipOptions());
        Reports = new MembershipReportService(database, Clock, options);
        Alerts = new AlertEvaluator(database, Clock, Options.Create(new AlertOptions()), NullLogger<AlertEvaluator>.Instance, Reports);
        Members = new MembershipService(database, Clock, options, Alerts);
        Catalog = new MembershipCatalogService(database, Clock, options);
        Geography = new GeographyService(database);
    }

    public MembershipDatabase Database { get; }
    public string Prefix { get; }
    public MembershipTestClock Clock { get; } = new();
    public MembershipService Members { get; }
    public MembershipCatalogService Catalog { get; }
    public GeographyService Geography { get; }
    public MembershipReportService Reports { get; }
    public AlertEvaluator Alerts { get; }

    /// <summary>A code of this harness's world ("GB" becomes "T1A2B3C-GB").</summary>
    public string C(string code) => Prefix + code;

    public static async Task<MembershipHarness> CreateAsync(MembershipDatabase database)
    {
        var harness = new MembershipHarness(database, $"T{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}-");
        await harness.SeedWorldAsync();
        return harness;
    }

    public MembershipScope Scope(string designation, Level level, string? unit = null, string cell = "GB") => level switch
    {
        Level.NATIONAL => new MembershipScope(C(cell), C(designation), level),
        Level.ZONE => new MembershipScope(C(cell), C(designation), level, Zone: unit),
        Level.STATE => new MembershipScope(C(cell), C(designation), level, State: C(unit!)),
        Level.DISTRICT => new MembershipScope(C(cell), C(designation), level, District: C(unit!)),
        _ => new MembershipScope(C(cell), C(designation), level, Mandal: C(unit!)),
    };

    public async Task DesignationAsync(string code, int capacity, decimal fee = 0m, int validityDays = 365) =>
        Ok(await Catalog.CreateDesignationAsync(Cs, new CreateDesignationRequest(C(code), code, capacity, fee, validityDays)));

    /// <summary>A level cap; <paramref name="unit"/> null = blanket row (zone names are not prefixed).</summary>
    public async Task CapAsync(Level level, string? unit, int capacity, string cell = "GB")
    {
        var key = level switch
        {
            Level.ZONE => new LevelCapacityKey(C(cell), level, Zone: unit),
            Level.STATE => new LevelCapacityKey(C(cell), level, State: unit is null ? null : C(unit)),
            Level.DISTRICT => new LevelCapacityKey(C(cell), level, District: unit is null ? null : C(unit)),
            Level.MANDAL => new LevelCapacityKey(C(cell), level, Mandal: unit is null ? null : C(unit)),
            _ => new LevelCapacityKey(C(cell), level),
        };
        Ok(await Catalog.UpsertLevelCapacityAsync(Cs, new LevelCapacityRequest(key, capacity, "test setup")));
    }

    public async Task SettingsAsync(bool hierarchical = false, TimeSpan? timeout = null) =>
        Ok(await Catalog.UpdateSettingsAsync(Admin, new SettingsSnapshot(timeout ?? TimeSpan.FromMinutes(5), true, hierarchical)));

    public Task<Result<JoinOutcome>> JoinAsync(string memberRef, MembershipScope scope, bool activate = false, Actor? actor = null) =>
        Members.JoinAsync(actor ?? (activate ? Cs : Integration), new JoinMembershipRequest(C(memberRef), scope, activate));

    public async Task<MembershipView> JoinOkAsync(string memberRef, MembershipScope scope, bool activate = false) =>
        Ok(await JoinAsync(memberRef, scope, activate)).Membership;

    /// <summary>Seat holders counted straight from the database, with the service's own predicate.</summary>
    public async Task<int> HoldersAsync(Func<IQueryable<Membership>, IQueryable<Membership>> filter)
    {
        await using var db = Database.CreateDbContext();
        var mine = db.Memberships.Where(m => m.CellCode.StartsWith(Prefix));
        return await filter(mine).Where(SeatHolding.HoldsSeatExpression(Clock.GetUtcNow(), TimeSpan.FromMinutes(5))).CountAsync();
    }

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : $"{result.Error!.Code}: {result.Error.Detail}");
        return result.Value!;
    }

    public static DomainError Refused<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"expected {code}, got success");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }

    private async Task SeedWorldAsync()
    {
        Ok(await Catalog.CreateCellAsync(Cs, C("GB"), "General Body"));
        Ok(await Catalog.CreateCellAsync(Cs, C("WW"), "Women Wing", isActive: false));
        Ok(await Geography.UpsertAsync(Cs, new GeographyUpsertRequest(
            [new StateInput(C("S1"), "State One", "SOUTH"), new StateInput(C("S2"), "State Two", "NORTH")],
            [new DistrictInput(C("D1"), "District One", C("S1")), new DistrictInput(C("D2"), "District Two", C("S1")), new DistrictInput(C("D3"), "District Three", C("S2"))],
            [new MandalInput(C("M1"), "Mandal One", C("D1")), new MandalInput(C("M2"), "Mandal Two", C("D1")),
             new MandalInput(C("M3"), "Mandal Three", C("D2")), new MandalInput(C("M4"), "Mandal Four", C("D3"))])));
        await SettingsAsync();
    }
}
