using System.Linq.Expressions;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>The instant and the settings one operation decides with.</summary>
public sealed record SeatRules(DateTimeOffset Now, TimeSpan LockTimeout, bool HierarchicalCaps)
{
    public Expression<Func<Membership, bool>> HoldsSeat => SeatHolding.HoldsSeatExpression(Now, LockTimeout);

    public Expression<Func<Membership, bool>> LapsedLock => SeatHolding.LapsedLockExpression(Now, LockTimeout);

    public bool Holds(Membership m) => m.HoldsSeat(Now, LockTimeout);
}
