using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Geography;

/// <summary>
/// The five zones. Membership enums keep their upper-case names on the wire and in the database
/// (api-v1.md "Conventions"), so the members are spelled that way.
/// </summary>
public enum Zone
{
    [JsonStringEnumMemberName("NORTH")]
    NORTH,
    [JsonStringEnumMemberName("SOUTH")]
    SOUTH,
    [JsonStringEnumMemberName("EAST")]
    EAST,
    [JsonStringEnumMemberName("WEST")]
    WEST,
    [JsonStringEnumMemberName("CENTRAL")]
    CENTRAL,
}
