using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Tests.Memberships;

/// <summary>In-memory memberships in a given state, built through the entity's own transitions.</summary>
internal static class MembershipFactory
{
    private static readonly DateTimeOffset Then = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Membership With(MembershipStatus status, DateTimeOffset? lockedAt)
    {
        var at = lockedAt ?? Then;
        var m = status switch
        {
            MembershipStatus.PENDING_PAYMENT => Membership.Join("m", "GB", Designation(100m), UnitPath.National, 1, false, at),
            MembershipStatus.PENDING_APPROVAL => Membership.Join("m", "GB", Designation(0m), UnitPath.National, 1, false, at),
            _ => Membership.Join("m", "GB", Designation(0m), UnitPath.National, 1, true, at),
        };
        if (status == MembershipStatus.EXPIRED) m.Expire(at);
        if (status == MembershipStatus.REVOKED) m.Revoke(at);
        return m;
    }

    public static Membership Paid(MembershipStatus status, decimal fee, bool paid)
    {
        var m = Membership.Join("m", "GB", Designation(fee), UnitPath.National, 1, false, Then);
        if (paid) m.ConfirmPayment(1, 365, "ref", Then);
        if (status == MembershipStatus.EXPIRED) m.Expire(Then);
        Assert.Equal(status, m.Status);
        return m;
    }

    private static Designation Designation(decimal fee) => new("PRES", "President", 1, fee, 365, 0);
}
