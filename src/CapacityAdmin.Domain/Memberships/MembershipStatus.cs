using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>Lifecycle of a membership (product.md §4.4); upper-case names as on the wire.</summary>
public enum MembershipStatus
{
    [JsonStringEnumMemberName("ACTIVE")]
    ACTIVE,
    [JsonStringEnumMemberName("PENDING_APPROVAL")]
    PENDING_APPROVAL,
    [JsonStringEnumMemberName("PENDING_PAYMENT")]
    PENDING_PAYMENT,
    [JsonStringEnumMemberName("EXPIRED")]
    EXPIRED,
    [JsonStringEnumMemberName("REVOKED")]
    REVOKED,
}
