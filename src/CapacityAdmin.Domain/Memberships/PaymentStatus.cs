using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Memberships;

public enum PaymentStatus
{
    [JsonStringEnumMemberName("NOT_REQUIRED")]
    NOT_REQUIRED,
    [JsonStringEnumMemberName("PENDING")]
    PENDING,
    [JsonStringEnumMemberName("SUCCESS")]
    SUCCESS,
    [JsonStringEnumMemberName("FAILED")]
    FAILED,
}
