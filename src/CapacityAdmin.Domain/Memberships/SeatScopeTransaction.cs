using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>What a locked operation touches: designation scopes (normally one) and aggregate caps.</summary>
public interface ISeatPlan
{
    IReadOnlyList<string> DesignationScopes { get; }
    IReadOnlyList<ApplicableCap> Caps { get; }
}

/// <summary>The outcome of the locked step, and whether its changes are committed.</summary>
public readonly record struct SeatStep<T>(Result<T> Result, bool Commit)
{
    public static SeatStep<T> Done(T value) => new(value, true);
    public static SeatStep<T> Preview(T value) => new(value, false);
    public static SeatStep<T> Refused(DomainError error) => new(error, false);
    public static SeatStep<T> RefusedButKeep(DomainError error) => new(error, true);
}

/// <summary>
/// Runs one seat operation (join, payment, reactivation, reassignment, status change) in ONE
/// transaction that holds the locks of every scope it reads and writes:
/// <list type="number">
/// <item>plan: resolve what the operation touches (its lock keys);</item>
/// <item>begin the transaction and lock: designation scope(s) first, then the caps, sorted;</item>
/// <item>release lapsed seat locks of the designation scope(s), so the unique index agrees with the predicate;</item>
/// <item>plan again under the locks (what was read before may have changed); if it now needs a
/// lock it does not hold, roll back and start over;</item>
/// <item>act: count, decide, write; commit (or roll back for a preview or a refusal).</item>
/// </list>
/// On SQLite the transaction is <c>BEGIN IMMEDIATE</c>: it serialises all writers, so the plan is
/// made once, inside it.
/// </summary>
public static class SeatScopeTransaction
{
    internal const int MaxAttempts = 5;

    public static async Task<Result<T>> RunAsync<TPlan, T>(
        IDbContextFactory<CapacityDbContext> contexts,
        SeatRules rules,
        Func<CapacityDbContext, CancellationToken, Task<Result<TPlan>>> plan,
        Func<CapacityDbContext, TPlan, CancellationToken, Task<SeatStep<T>>> act,
        CancellationToken ct)
        where TPlan : ISeatPlan
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            IReadOnlyList<string> locked = [];
            if (db.Provider != DatabaseProvider.Sqlite)
            {
                var first = await plan(db, ct);
                if (!first.IsSuccess) return first.Error;
                locked = LockKeys(first.Value);
                db.ChangeTracker.Clear();
            }

            await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
            await SeatScopeLocker.AcquireAsync(db, locked, ct);

            var fresh = await plan(db, ct);
            if (!fresh.IsSuccess)
            {
                await tx.RollbackAsync(ct);
                return fresh.Error;
            }
            if (db.Provider != DatabaseProvider.Sqlite && !LockKeys(fresh.Value).All(locked.Contains))
            {
                await tx.RollbackAsync(ct);
                continue;
            }

            var released = 0;
            foreach (var scope in fresh.Value.DesignationScopes)
                released += await SeatAllocator.ReleaseLapsedLocksAsync(db, scope, rules, ct);
            if (released > 0)
            {
                // Tracked rows the plan loaded may be among them: read them again.
                foreach (var entry in db.ChangeTracker.Entries<Membership>().ToList())
                    await entry.ReloadAsync(ct);
            }

            var step = await act(db, fresh.Value, ct);
            if (step.Commit)
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
            }
            return step.Result;
        }
        throw new InvalidOperationException($"The scopes of a seat operation kept changing over {MaxAttempts} attempts.");
    }

    /// <summary>The global lock order: designation scopes (sorted), then aggregate caps (sorted).</summary>
    public static IReadOnlyList<string> LockKeys(ISeatPlan plan) =>
        plan.DesignationScopes.Distinct().Order(StringComparer.Ordinal).Select(ScopeKeys.DesignationLock)
            .Concat(plan.Caps.Select(c => c.LockKey).Distinct().Order(StringComparer.Ordinal))
            .ToList();
}
