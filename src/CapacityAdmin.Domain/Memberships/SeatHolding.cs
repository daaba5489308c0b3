using System.Linq.Expressions;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// The one "holds a seat" predicate (product.md §4.2): ACTIVE and PENDING_APPROVAL always;
/// PENDING_PAYMENT while its lock is younger than the timeout; EXPIRED and REVOKED never.
/// The in-memory function and the query expression say the same thing and are tested together.
/// </summary>
public static class SeatHolding
{
    /// <summary>Locks taken at or before this instant have lapsed.</summary>
    public static DateTimeOffset LockCutoff(DateTimeOffset now, TimeSpan timeout) => now - timeout;

    public static bool HoldsSeat(MembershipStatus status, DateTimeOffset? lockedAt, DateTimeOffset now, TimeSpan timeout) => status switch
    {
        MembershipStatus.ACTIVE or MembershipStatus.PENDING_APPROVAL => true,
        MembershipStatus.PENDING_PAYMENT => lockedAt is { } at && at > LockCutoff(now, timeout),
        _ => false,
    };

    public static bool HoldsSeat(this Membership membership, DateTimeOffset now, TimeSpan timeout) =>
        HoldsSeat(membership.Status, membership.LockedAt, now, timeout);

    /// <summary>The same predicate for EF queries; <paramref name="now"/> and the timeout become one parameter.</summary>
    public static Expression<Func<Membership, bool>> HoldsSeatExpression(DateTimeOffset now, TimeSpan timeout)
    {
        var cutoff = LockCutoff(now, timeout);
        return m => m.Status == MembershipStatus.ACTIVE
            || m.Status == MembershipStatus.PENDING_APPROVAL
            || (m.Status == MembershipStatus.PENDING_PAYMENT && m.LockedAt != null && m.LockedAt > cutoff);
    }

    /// <summary>PENDING_PAYMENT rows whose lock lapsed: still covered by the unique index until turned EXPIRED.</summary>
    public static Expression<Func<Membership, bool>> LapsedLockExpression(DateTimeOffset now, TimeSpan timeout)
    {
        var cutoff = LockCutoff(now, timeout);
        return m => m.Status == MembershipStatus.PENDING_PAYMENT && (m.LockedAt == null || m.LockedAt <= cutoff);
    }
}
