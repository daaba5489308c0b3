using System.Security.Cryptography;
using System.Text;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// One limited pool as alert evaluation sees it, in the pool's own units (places, or credits with
/// 2 decimals). A campaign can have two pools: its governing limit and, on credits and iaas
/// campaigns, its volunteer target (<see cref="Measure"/> tells them apart).
/// </summary>
public sealed record AlertPool(PoolType PoolType, Guid PoolId, Guid? CompanyId, string PoolName, PoolMeasure Measure, decimal Used, decimal Limit,
    decimal HardLimit)
{
    public static AlertPool From(PoolUsage usage) =>
        new(usage.PoolType, usage.PoolId, usage.CompanyId, usage.PoolName, MeasureOf(usage.Kind), usage.Used, usage.Limit, usage.HardLimit);

    public static AlertPool ForCampaign(Campaign campaign, CapacityKind kind)
    {
        var m = campaign.MeasureOf(kind);
        return new AlertPool(PoolType.Campaign, campaign.Id, campaign.CompanyId, campaign.Name, MeasureOf(kind), m.ToWhole(m.Used), m.ToWhole(m.Limit),
            m.ToWhole(m.HardLimit));
    }

    /// <summary>A bundle never goes past its capacity: its hard limit is the capacity.</summary>
    public static AlertPool ForBundle(Bundle bundle) =>
        new(PoolType.Bundle, bundle.Id, bundle.CompanyId, bundle.Name, PoolMeasure.Volunteers, bundle.VolunteersUsed, bundle.Capacity, bundle.Capacity);

    /// <summary>
    /// A level cap has no overage (its hard limit is its capacity) and no company. Its id is derived
    /// from (cell, level, unit), so a blanket row gets one pool per unit and the repeat window
    /// survives the row being edited or recreated.
    /// </summary>
    public static AlertPool ForLevelCap(LevelCapUtilization cap) =>
        new(PoolType.LevelCapacity, LevelCapPoolId(cap.Cell, cap.Level.ToString(), cap.Unit), null, LevelCapName(cap), PoolMeasure.Seats, cap.Used,
            cap.Capacity, cap.Capacity);

    public static Guid LevelCapPoolId(string cell, string level, string? unit)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"level-capacity|{cell}|{level}|{unit ?? ""}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (name-based, custom hash)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    public static PoolMeasure MeasureOf(CapacityKind kind) => kind switch
    {
        CapacityKind.Learners => PoolMeasure.Learners,
        CapacityKind.Credits => PoolMeasure.Credits,
        _ => PoolMeasure.Volunteers,
    };

    private static string LevelCapName(LevelCapUtilization cap) =>
        cap.Unit is null ? $"{cap.Cell} · {cap.Level}" : $"{cap.Cell} · {cap.Level} · {cap.Unit}";
}
