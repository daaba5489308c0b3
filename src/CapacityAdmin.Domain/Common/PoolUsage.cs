using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Common;

public enum PoolType
{
    Campaign,
    Bundle,

    /// <summary>A level cap of the membership area (a unit row, or a blanket row per unit).</summary>
    [JsonStringEnumMemberName("levelCapacity")]
    LevelCapacity,
}

/// <summary>
/// Usage of one limited pool as it stands after an operation, in the pool's own units (places or
/// credits). Consumption results carry these so that alert evaluation can run right after a call.
/// </summary>
public sealed record PoolUsage(
    PoolType PoolType,
    Guid PoolId,
    Guid CompanyId,
    string PoolName,
    Campaigns.CapacityKind Kind,
    decimal Used,
    decimal Limit,
    decimal HardLimit,
    decimal Utilization,
    Campaigns.CapacityBand Band);
