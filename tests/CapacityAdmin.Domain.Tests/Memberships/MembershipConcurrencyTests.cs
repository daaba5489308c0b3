using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Memberships;

/// <summary>
/// The invariant (product.md §5): N simultaneous requests for the last K places yield exactly K
/// successes. Shared bodies, run on SQLite and on PostgreSQL; every task has its own contexts and
/// waits at one start gate.
/// </summary>
public abstract class MembershipConcurrencyTests
{
    private const int Racers = 30;

    protected abstract Task<MembershipHarness> CreateHarnessAsync();

    [Fact]
    public async Task Join_ThirtyRacersForTheLastDesignationSeat_ExactlyOneWins()
    {
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("PRES", capacity: 3);
        await h.JoinOkAsync("early-1", h.Scope("PRES", Level.DISTRICT, "D1"));
        await h.JoinOkAsync("early-2", h.Scope("PRES", Level.DISTRICT, "D1"));

        var results = await RaceAsync(Enumerable.Range(0, Racers).Select(i => (Func<Task<Result<JoinOutcome>>>)(() =>
            h.JoinAsync($"racer-{i}", h.Scope("PRES", Level.DISTRICT, "D1")))));

        Assert.Equal(1, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(MembershipErrorCodes.NoSeatsDesignation, r.Error!.Code));
        Assert.Equal(3, results.Single(r => r.IsSuccess).Value!.Membership.SeatSequence);
        Assert.Equal(3, await h.HoldersAsync(q => q.Where(m => m.DesignationCode == h.C("PRES"))));
    }

    [Fact]
    public async Task Join_RacersInDifferentDesignationsForTheLastAggregateSlots_ExactlyKWin()
    {
        var h = await CreateHarnessAsync();
        const int cap = 8, taken = 5, k = cap - taken;
        for (var d = 0; d < 6; d++) await h.DesignationAsync($"DES{d}", capacity: 10);
        await h.CapAsync(Level.STATE, null, cap);   // blanket: each state separately
        for (var i = 0; i < taken; i++) await h.JoinOkAsync($"early-{i}", h.Scope($"DES{i % 6}", Level.STATE, "S1"));

        var results = await RaceAsync(Enumerable.Range(0, Racers).Select(i => (Func<Task<Result<JoinOutcome>>>)(() =>
            h.JoinAsync($"racer-{i}", h.Scope($"DES{i % 6}", Level.STATE, "S1")))));

        Assert.Equal(k, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(MembershipErrorCodes.NoSeatsLevelAggregate, r.Error!.Code));
        Assert.Equal(cap, await h.HoldersAsync(q => q.Where(m => m.Level == Level.STATE && m.StateCode == h.C("S1"))));
    }

    [Fact]
    public async Task JoinsReactivationsAndReassignments_Racing_NeverExceedEitherLimit()
    {
        var h = await CreateHarnessAsync();
        await h.DesignationAsync("PRES", capacity: 3);
        await h.DesignationAsync("MEM", capacity: 10);
        await h.CapAsync(Level.DISTRICT, "D1", 5);
        // D1 aggregate: 3 of 5 used by MEM; PRES scope in D1: 0 of 3.
        for (var i = 0; i < 3; i++) await h.JoinOkAsync($"mem-{i}", h.Scope("MEM", Level.DISTRICT, "D1"), activate: true);
        // Two revoked PRES members of D1 waiting to be reactivated.
        var revoked = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var m = await h.JoinOkAsync($"old-{i}", h.Scope("PRES", Level.DISTRICT, "D1"), activate: true);
            Ok(await h.Members.RevokeAsync(Cs, m.Id));
            revoked.Add(m.Id);
        }
        // Four members elsewhere who want to move into PRES of D1.
        var movers = new List<Guid>();
        for (var i = 0; i < 4; i++) movers.Add((await h.JoinOkAsync($"mover-{i}", h.Scope("MEM", Level.DISTRICT, "D2"), activate: true)).Id);

        var operations = new List<Func<Task<bool>>>();
        for (var i = 0; i < 14; i++)
        {
            var n = i;
            operations.Add(async () => (await h.JoinAsync($"racer-{n}", h.Scope("PRES", Level.DISTRICT, "D1"))).IsSuccess);
        }
        foreach (var id in revoked) operations.Add(async () => (await h.Members.ReactivateAsync(Cs, id)).IsSuccess);
        foreach (var id in movers) operations.Add(async () => (await h.Members.ReassignAsync(Cs, id, h.Scope("PRES", Level.DISTRICT, "D1"), dryRun: false)).IsSuccess);

        var results = await RaceAsync(operations);

        // The aggregate (2 left) binds before the designation scope (3 left).
        Assert.Equal(2, results.Count(ok => ok));
        Assert.Equal(5, await h.HoldersAsync(q => q.Where(m => m.Level == Level.DISTRICT && m.DistrictCode == h.C("D1"))));
        Assert.Equal(2, await h.HoldersAsync(q => q.Where(m => m.DesignationCode == h.C("PRES") && m.DistrictCode == h.C("D1"))));
        Assert.Equal(4 - (results.Skip(16).Count(ok => ok)), await h.HoldersAsync(q => q.Where(m => m.DistrictCode == h.C("D2"))));
    }

    [Fact]
    public async Task Join_RacersWithRollUp_AncestorCapHoldsAcrossUnits()
    {
        var h = await CreateHarnessAsync();
        await h.SettingsAsync(hierarchical: true);
        await h.DesignationAsync("MEM", capacity: 10);
        await h.CapAsync(Level.STATE, "S1", 4);
        string[] mandals = ["M1", "M2", "M3"];

        var results = await RaceAsync(Enumerable.Range(0, Racers).Select(i => (Func<Task<Result<JoinOutcome>>>)(() =>
            h.JoinAsync($"racer-{i}", h.Scope("MEM", Level.MANDAL, mandals[i % 3])))));

        Assert.Equal(4, results.Count(r => r.IsSuccess));
        Assert.Equal(4, await h.HoldersAsync(q => q.Where(m => m.StateCode == h.C("S1"))));
    }

    /// <summary>Starts every operation on its own thread, releases them together, waits for all.</summary>
    protected static async Task<T[]> RaceAsync<T>(IEnumerable<Func<Task<T>>> operations)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = operations.Select(op => Task.Run(async () =>
        {
            await gate.Task;
            return await op();
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}

public sealed class SqliteMembershipConcurrencyTests : MembershipConcurrencyTests, IAsyncLifetime
{
    private MembershipDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MembershipDatabase.CreateSqliteAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    protected override Task<MembershipHarness> CreateHarnessAsync() => MembershipHarness.CreateAsync(_db);
}

[Trait("Category", "Postgres")]
public sealed class PostgresMembershipConcurrencyTests(MembershipPostgresFixture fixture) : MembershipConcurrencyTests, IClassFixture<MembershipPostgresFixture>
{
    protected override async Task<MembershipHarness> CreateHarnessAsync() => await MembershipHarness.CreateAsync(await fixture.DatabaseAsync());
}
