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
/// row (<see cref="ConsumptionStatements.CountRefusalAsync"/>). Racing refusals serialise on the row: the
/// database adds them up, none is lost. The count is never undone with the refused write, and it is committed
/// before the refusal is answered.
/// <para>
/// PostgreSQL and SQL Server: the count is the refused transaction's only write and commits with it (or, when
/// that transaction already raised the bundle counter, is autocommitted right after its rollback).
/// </para>
/// <para>
/// SQLite has one writer, and a commit that writes is most of what a refusal costs there. The refused
/// transaction rolls back (it wrote nothing), and the count joins a <b>group commit</b> per database file:
/// the first refusal to arrive writes, in one transaction behind the writer gate, every count queued so far
/// (one upsert per pool and day, adding them up), then hands the next group to a waiting refusal. Each
/// refusal keeps its own decision (its own refused transaction) and its own answer, given once the group
/// holding its count has committed. A group that fails is never a failure of its members: each of them then
/// counts alone, as without grouping, and only a failure of its own write reaches its caller.
/// </para>
/// </summary>
internal static class RefusalCounter
{
    private static readonly ConcurrentDictionary<string, Group> Groups = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts from inside the refused call's transaction <paramref name="tx"/>, and finishes that transaction.
    /// <paramref name="wroteBefore"/>: it already raised a counter (the bundle, before the campaign refused).
    /// </summary>
    public static async Task CountAsync(CapacityDbContext db, IDbContextTransaction tx, TimeProvider clock, PoolType poolType, Guid poolId,
        PoolMeasure measure, bool wroteBefore, CancellationToken ct)
    {
        var key = new Key(poolType, poolId, measure, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (db.Database.IsSqlite())
        {
            await tx.RollbackAsync(ct);
            await Groups.GetOrAdd(db.Database.GetDbConnection().DataSource, _ => new Group()).CountAsync(db, key);
            return;
        }
        if (wroteBefore)
        {
            await tx.RollbackAsync(ct);
            await ConsumptionStatements.CountRefusalAsync(db, key.PoolType, key.PoolId, key.Measure, key.Day, ct);
            return;
        }
        await ConsumptionStatements.CountRefusalAsync(db, key.PoolType, key.PoolId, key.Measure, key.Day, ct);
        await tx.CommitAsync(ct);
    }

    private readonly record struct Key(PoolType PoolType, Guid PoolId, PoolMeasure Measure, DateOnly Day);

    /// <summary>What a queued count learns: committed with its group, its turn to write the next group, or count alone.</summary>
    private enum Outcome { Counted, Lead, Alone }

    /// <summary>The queue of one database file. At most one member writes at a time (the leader).</summary>
    private sealed class Group
    {
        private readonly object _lock = new();
        private List<(Key Key, TaskCompletionSource<Outcome> Done)> _queued = [];
        private bool _leading;

        public async Task CountAsync(CapacityDbContext db, Key key)
        {
            var done = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            bool lead;
            lock (_lock)
            {
                _queued.Add((key, done));
                lead = !_leading;
                _leading = true;
            }
            // Not cancellable: once queued, a count is written with its group whatever its caller does.
            var outcome = lead ? Outcome.Lead : await done.Task;
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
                group = TakeQueued();
                foreach (var (key, count) in group.GroupBy(g => g.Key).Select(g => (g.Key, g.Count())))
                    await ConsumptionStatements.CountRefusalAsync(db, key.PoolType, key.PoolId, key.Measure, key.Day, CancellationToken.None, count);
                await tx.CommitAsync(CancellationToken.None);
            }
            catch
            {
                group ??= TakeQueued();
                outcome = Outcome.Alone;
            }
            // Hand the lead to the first count queued meanwhile, before answering this group.
            TaskCompletionSource<Outcome>? next = null;
            lock (_lock)
            {
                if (_queued.Count > 0) next = _queued[0].Done;
                else _leading = false;
            }
            next?.SetResult(Outcome.Lead);
            // The leader's own entry may already hold "lead" (handed to it): it takes the outcome returned here.
            foreach (var (_, done) in group) done.TrySetResult(outcome);
            return outcome;
        }

        private List<(Key Key, TaskCompletionSource<Outcome> Done)> TakeQueued()
        {
            lock (_lock)
            {
                var group = _queued;
                _queued = [];
                return group;
            }
        }
    }
}
