using System.Collections.Concurrent;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Counts one refused call against the pool whose limit refused it: an upsert of the (pool, measure, UTC day)
/// row (<see cref="ConsumptionStatements.CountRefusalAsync"/>). The count is never undone with the refused
/// write, it is committed before the refusal is answered, and racing refusals never lose one.
/// <para>
/// A commit that writes is most of what a refusal costs (SQLite's single writer; PostgreSQL's WAL flush and the
/// lock on the pool's one counter row), so counts are committed in groups, per database: the refused
/// transaction rolls back (it wrote nothing that stays), and its count is queued; the first count to arrive
/// leads: it takes the write transaction (on SQLite, its place behind the writer gate), then every count queued
/// by then, writes them as one upsert per pool and day adding them up, commits, and hands the lead to the next
/// queued count. Each refusal keeps its own decision (its own refused transaction) and its own answer, given once
/// the group holding its count has committed. A group that fails is never a failure of its members: each then
/// counts alone, in its own autocommitted statement, and only a failure of that write reaches its caller.
/// </para>
/// </summary>
internal static class RefusalCounter
{
    private static readonly ConcurrentDictionary<string, Group> Groups = new(StringComparer.Ordinal);

    /// <summary>Rolls back the refused call's transaction <paramref name="tx"/>, then counts the refusal with its group.</summary>
    public static async Task CountAsync(CapacityDbContext db, IDbContextTransaction tx, TimeProvider clock, PoolType poolType, Guid poolId,
        PoolMeasure measure, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        var key = new Key(poolType, poolId, measure, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await Groups.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new Group()).CountAsync(db, key);
    }

    private readonly record struct Key(PoolType PoolType, Guid PoolId, PoolMeasure Measure, DateOnly Day);

    /// <summary>What a queued count learns: committed with its group, its turn to write the next group, or count alone.</summary>
    private enum Outcome { Counted, Lead, Alone }

    /// <summary>The queue of one database file. At most one member writes at a time (the leader).</summary>
    private sealed class Group
    {
        private readonly GroupQueue<(Key Key, TaskCompletionSource<Outcome> Done)> _queue = new();

        public async Task CountAsync(CapacityDbContext db, Key key)
        {
            var done = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Not cancellable: once queued, a count is written with its group whatever its caller does.
            var outcome = _queue.Enqueue((key, done)) ? Outcome.Lead : await done.Task;
            if (outcome == Outcome.Lead) outcome = await WriteNextGroupAsync(db);
            if (outcome == Outcome.Alone)
                await db.Database.WriteAsync(() => ConsumptionStatements.CountRefusalAsync(db, key.PoolType, key.PoolId, key.Measure, key.Day,
                    CancellationToken.None), CancellationToken.None);
        }

        /// <summary>
        /// Writes everything queued, which includes the leader's own count (it was queued first, or was first in the
        /// queue when the lead was handed to it), in one transaction; passes the lead on; answers the group.
        /// </summary>
        private async Task<Outcome> WriteNextGroupAsync(CapacityDbContext db)
        {
            List<(Key Key, TaskCompletionSource<Outcome> Done)>? group = null;
            var outcome = Outcome.Counted;
            try
            {
                // The queue is taken once the writer gate is ours: the counts that arrived while we waited join this group.
                await using var tx = await db.Database.BeginWriteTransactionAsync(CancellationToken.None);
                group = _queue.Take();
                foreach (var (key, count) in group.GroupBy(g => g.Key).Select(g => (g.Key, g.Count())))
                    await ConsumptionStatements.CountRefusalAsync(db, key.PoolType, key.PoolId, key.Measure, key.Day, CancellationToken.None, count);
                await tx.CommitAsync(CancellationToken.None);
            }
            catch
            {
                group ??= _queue.Take();
                outcome = Outcome.Alone;
            }
            // Hand the lead to the first count queued meanwhile, before answering this group.
            if (_queue.TryPassLead(out var next)) next.Done.SetResult(Outcome.Lead);
            // The leader's own entry may already hold "lead" (handed to it): it takes the outcome returned here.
            foreach (var (_, done) in group) done.TrySetResult(outcome);
            return outcome;
        }
    }
}
