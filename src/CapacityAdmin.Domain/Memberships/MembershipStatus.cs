namespace CapacityAdmin.Domain.Memberships;

/// <summary>Lifecycle of a membership (product.md §4.4); upper-case names as on the wire.</summary>
public enum MembershipStatus
{
    ACTIVE,
    PENDING_APPROVAL,
    PENDING_PAYMENT,
    EXPIRED,
    REVOKED,
}
