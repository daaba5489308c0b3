using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Geography;

/// <summary>The levels of the hierarchy, from the widest to the finest.</summary>
public enum Level
{
    [JsonStringEnumMemberName("NATIONAL")]
    NATIONAL = 0,
    [JsonStringEnumMemberName("ZONE")]
    ZONE = 1,
    [JsonStringEnumMemberName("STATE")]
    STATE = 2,
    [JsonStringEnumMemberName("DISTRICT")]
    DISTRICT = 3,
    [JsonStringEnumMemberName("MANDAL")]
    MANDAL = 4,
}
