using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Memberships;

/// <summary>
/// The join's ADO path (<c>JoinStatements</c>, <c>ModelInsert</c>) against the EF reading of the same data: the plan's
/// errors are the resolver's, the row written is the row EF reads, and a level cap's outbox row and evaluation come
/// exactly at its band boundaries (crossing decided in the join's transaction). On SQLite and PostgreSQL.
/// </summary>
public abstract class MembershipJoinStatementTests
{
    protected abstract Task<MembershipHarness> CreateHarnessAsync();

    [Fact]
    public async Task Join_UnitCapOfTen_EvaluatesAndRaisesOnlyAtEachBandBoundary()
    {
        // Arrange: a mandal cap of 10 (a unit row, so a join evaluates it); the designation has room for all
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("MEM", capacity: 20);
        await h.CapAsync(Level.MANDAL, "M1", 10);
        var scope = h.Scope("MEM", Level.MANDAL, "M1");

        // Act: ten joins, 10 % to 100 %
        var raised = new List<string?>();
        for (var i = 1; i <= 10; i++)
        {
            var outcome = Ok(await h.JoinAsync($"m{i}", scope, activate: true));
            raised.Add(Assert.Single(outcome.Alerts.DefaultIfEmpty()) is { } alert ? alert.Threshold : null);
        }

        // Assert: 80 % on the 8th, 90 % on the 9th, the hard limit (a cap's capacity) on the 10th; nothing else
        Assert.Equal([null, null, null, null, null, null, null, "80%", "90%", "110%"], raised);
        Assert.Empty(await LevelCapRequestsAsync(h));
        await using var db = h.Database.CreateDbContext();
        var pool = AlertPool.LevelCapPoolId(h.C("GB"), "MANDAL", h.C("M1"));
        Assert.Equal(3, await db.Alerts.CountAsync(a => a.PoolId == pool));
    }

    [Fact]
    public async Task Join_RollUpOn_MandalSeatsCrossingAStateCap_RaiseTheStateAlert()
    {
        // Arrange: roll-up on, STATE S1 capped at 5; seats at two mandals of S1 count towards it
        var h = await CreateHarnessAsync();
        await h.SettingsAsync(hierarchical: true);
        await h.DesignationAsync("MEM", capacity: 10);
        await h.CapAsync(Level.STATE, "S1", 5);
        for (var i = 0; i < 3; i++) Assert.Empty(Ok(await h.JoinAsync($"a{i}", h.Scope("MEM", Level.MANDAL, i % 2 == 0 ? "M1" : "M3"), activate: true)).Alerts);

        // Act: the 4th seat in S1 (80 %), then the 5th (full), then a 6th (refused by the cap)
        var fourth = Ok(await h.JoinAsync("a3", h.Scope("MEM", Level.MANDAL, "M3"), activate: true));
        var fifth = Ok(await h.JoinAsync("a4", h.Scope("MEM", Level.DISTRICT, "D1"), activate: true));
        var sixth = await h.JoinAsync("a5", h.Scope("MEM", Level.MANDAL, "M2"), activate: true);

        // Assert
        var pool = AlertPool.LevelCapPoolId(h.C("GB"), "STATE", h.C("S1"));
        Assert.Equal((pool, "80%", 4m, 5m), Assert.Single(fourth.Alerts) is var a4 ? (a4.PoolId, a4.Threshold, a4.Used, a4.Limit) : default);
        Assert.Equal((pool, "110%", 5m), Assert.Single(fifth.Alerts) is var a5 ? (a5.PoolId, a5.Threshold, a5.Used) : default);
        Refused(sixth, MembershipErrorCodes.NoSeatsLevelAggregate);
        Assert.Empty(await LevelCapRequestsAsync(h));
    }

    [Fact]
    public async Task Join_ScopesTheResolverRefuses_AreRefusedWithTheSameError()
    {
        // Arrange: availability resolves a scope through the EF resolver; the join reads its plan in one statement
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("MEM", capacity: 10);
        var gb = h.C("GB");
        var mem = h.C("MEM");
        MembershipScope[] scopes =
        [
            new(h.C("NOPE"), mem, Level.NATIONAL),
            new(" " + h.C("NOPE").ToLowerInvariant(), mem, Level.MANDAL, Mandal: h.C("NOPE")),
            new(gb, h.C("NOPE"), Level.NATIONAL),
            new(gb, null, Level.NATIONAL),
            new(null, mem, Level.NATIONAL),
            new(gb, mem, Level.ZONE, Zone: "NOWHERE"),
            new(gb, mem, Level.STATE, Zone: "NORTH", State: h.C("S1")),
            new(gb, mem, Level.STATE, State: h.C("NOPE")),
            new(gb, mem, Level.DISTRICT, State: h.C("S2"), District: h.C("D1")),
            new(gb, mem, Level.DISTRICT, District: h.C("NOPE")),
            new(gb, mem, Level.MANDAL, District: h.C("D3"), Mandal: h.C("M1")),
            new(gb, mem, Level.MANDAL, Zone: "NORTH", Mandal: h.C("M1")),
            new(gb, mem, Level.MANDAL, Mandal: h.C("NOPE")),
            new(gb, mem, Level.MANDAL, State: h.C("S1"), District: h.C("D1"), Mandal: h.C("M1"), Zone: "nowhere"),
        ];

        foreach (var scope in scopes)
        {
            // Act
            var expected = await h.Members.GetAvailabilityAsync(Cs, scope);
            var joined = await h.JoinAsync("x", scope, activate: true);

            // Assert
            Assert.False(expected.IsSuccess, $"{scope} should be refused by the resolver");
            Assert.False(joined.IsSuccess, $"{scope} should be refused by the join");
            Assert.Equal((expected.Error!.Kind, expected.Error.Code, expected.Error.Detail), (joined.Error!.Kind, joined.Error.Code, joined.Error.Detail));
            Assert.Equal(expected.Error.Errors?.Keys.Order(), joined.Error.Errors?.Keys.Order());
        }
    }

    [Fact]
    public async Task Join_RowWrittenWithoutTheChangeTracker_ReadsBackThroughEfAsTheAnswer()
    {
        // Arrange: a fee (PENDING_PAYMENT, a lock instant, a 2-place decimal) at a mandal (every derived unit column)
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("SEC", capacity: 2, fee: 1234.56m, validityDays: 30);
        await h.DesignationAsync("MEM", capacity: 5);

        // Act
        var pending = Ok(await h.JoinAsync("p", h.Scope("SEC", Level.MANDAL, "M4"))).Membership;
        var active = Ok(await h.JoinAsync("a", h.Scope("MEM", Level.ZONE, "SOUTH"), activate: true)).Membership;

        // Assert: the service's read (EF) gives back exactly what the join answered
        Assert.Equal(pending, Ok(await h.Members.GetAsync(Cs, pending.Id)));
        Assert.Equal(active, Ok(await h.Members.GetAsync(Cs, active.Id)));
        Assert.Equal((MembershipStatus.PENDING_PAYMENT, 1234.56m, Zone.NORTH, h.C("S2"), h.C("D3"), h.C("M4")),
            (pending.Status, pending.Fee, pending.Zone, pending.State, pending.District, pending.Mandal));
        await using var db = h.Database.CreateDbContext();
        var row = await db.Memberships.AsNoTracking().SingleAsync(m => m.Id == pending.Id);
        Assert.Equal((h.Clock.GetUtcNow(), h.Clock.GetUtcNow(), ScopeKeys.Designation(h.C("GB"), h.C("SEC"), row.Path)),
            (row.CreatedAt, row.LockedAt!.Value, row.ScopeKey));
    }

    protected static async Task<List<AlertEvaluationRequest>> LevelCapRequestsAsync(MembershipHarness h)
    {
        await using var db = h.Database.CreateDbContext();
        var ids = await db.LevelCapacities.Where(c => c.CellCode.StartsWith(h.Prefix)).Select(c => c.Id).ToListAsync();
        return await db.AlertEvaluationRequests.AsNoTracking().Where(r => r.PoolType == PoolType.LevelCapacity && ids.Contains(r.PoolId)).ToListAsync();
    }
}

public sealed class SqliteMembershipJoinStatementTests : MembershipJoinStatementTests, IAsyncLifetime
{
    private MembershipDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MembershipDatabase.CreateSqliteAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    protected override Task<MembershipHarness> CreateHarnessAsync() => MembershipHarness.CreateAsync(_db);

    [Fact]
    public async Task Join_StayingInsideABandAfterItsWindowPassed_WritesNothingAndLeavesTheRepeatToTheScan()
    {
        // Arrange: a mandal cap of 20; the 16th seat reaches 80 % and raises; the 80 % window (24 h) then passes
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("MEM", capacity: 20);
        await h.CapAsync(Level.MANDAL, "M1", 20);
        var scope = h.Scope("MEM", Level.MANDAL, "M1");
        for (var i = 1; i <= 15; i++) Assert.Empty(Ok(await h.JoinAsync($"m{i}", scope, activate: true)).Alerts);
        Assert.Equal("80%", Assert.Single(Ok(await h.JoinAsync("m16", scope, activate: true)).Alerts).Threshold);
        h.Clock.Advance(TimeSpan.FromHours(25));

        // Act: 85 %, still the 80 % band: no crossing
        var inside = Ok(await h.JoinAsync("m17", scope, activate: true));
        var scan = await new AlertScanService(_db, h.Alerts, h.Reports).ScanAsync();

        // Assert: the join neither wrote an outbox row nor evaluated; the scan raises the repeat
        Assert.Empty(inside.Alerts);
        Assert.Empty(await LevelCapRequestsAsync(h));
        Assert.Equal(1, scan.AlertsRaised);
        await using var db = h.Database.CreateDbContext();
        var pool = AlertPool.LevelCapPoolId(h.C("GB"), "MANDAL", h.C("M1"));
        Assert.Equal(2, await db.Alerts.CountAsync(a => a.PoolId == pool && a.Threshold == "80%"));
    }
}

[Trait("Category", "Postgres")]
public sealed class PostgresMembershipJoinStatementTests(MembershipPostgresFixture fixture) : MembershipJoinStatementTests, IClassFixture<MembershipPostgresFixture>
{
    protected override async Task<MembershipHarness> CreateHarnessAsync() => await MembershipHarness.CreateAsync(await fixture.DatabaseAsync());
}
