using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Counts one refused call against the pool whose limit refused it: one statement, an upsert of the
/// (pool, measure, UTC day) row (<see cref="ConsumptionStatements.CountRefusalAsync"/>). Racing refusals
/// serialise on the row: the database adds them up, none is lost. The count is never undone with the
/// refused write: it is the only write its transaction commits.
/// </summary>
internal static class RefusalCounter
{
    /// <summary>
    /// Counts from inside the refused call's transaction <paramref name="tx"/>, and finishes it. When that
    /// transaction wrote nothing (the refused UPDATE was its first write), the count is its only write and
    /// commits with it: no second transaction, no second pass through the SQLite writer gate. When it already
    /// raised a counter (<paramref name="wroteBefore"/>: the bundle, before the campaign refused), it rolls
    /// back first and the count is autocommitted on the same connection, behind the gate.
    /// </summary>
    public static async Task CountAsync(CapacityDbContext db, IDbContextTransaction tx, TimeProvider clock, PoolType poolType, Guid poolId,
        PoolMeasure measure, bool wroteBefore, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (wroteBefore)
        {
            await tx.RollbackAsync(ct);
            await db.Database.WriteAsync(() => ConsumptionStatements.CountRefusalAsync(db, poolType, poolId, measure, day, ct), ct);
            return;
        }
        await ConsumptionStatements.CountRefusalAsync(db, poolType, poolId, measure, day, ct);
        await tx.CommitAsync(ct);
    }
}
