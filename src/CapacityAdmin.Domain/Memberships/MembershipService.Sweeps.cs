using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipService
{
    /// <summary>
    /// Seat-lock sweep: PENDING_PAYMENT memberships whose lock lapsed become EXPIRED (payment stays
    /// PENDING, so a late payment can still re-take a seat). Each scope is swept under its lock.
    /// Runs whatever <c>expirySweepEnabled</c> says: the scheduled job checks that setting.
    /// </summary>
    public async Task<int> ExpireLapsedSeatLocksAsync(CancellationToken ct = default)
    {
        var rules = await RulesAsync(ct);
        List<string> scopes;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            scopes = await db.Memberships.Where(rules.LapsedLock).Select(m => m.ScopeKey).Distinct().ToListAsync(ct);

        var total = 0;
        foreach (var scope in scopes.Order(StringComparer.Ordinal))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await SeatScopeLocker.AcquireAsync(db, [ScopeKeys.DesignationLock(scope)], ct);
            total += await SeatAllocator.ReleaseLapsedLocksAsync(db, scope, rules, ct);
            await tx.CommitAsync(ct);
        }
        return total;
    }

    /// <summary>Validity sweep: ACTIVE memberships whose expiry has passed become EXPIRED. One statement.</summary>
    public async Task<int> ExpirePastValidityAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Memberships
            .Where(m => m.Status == MembershipStatus.ACTIVE && m.ExpiresAt != null && m.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MembershipStatus.EXPIRED)
                .SetProperty(m => m.ExpiredAt, (DateTimeOffset?)now), ct);
    }
}
