using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Bundles;

public sealed record BundleCampaignShare(Guid CampaignId, string Name, CampaignStatus Status, decimal Share, int Quota, int Consumed,
    decimal UtilizationPercent);

/// <summary>
/// api-v1.md's BundleStatus: quotas, usage and utilization (totalConsumed / totalQuota) summed over
/// the bundle's campaigns that are not closed, and whether their shares split the bundle validly.
/// <see cref="Pool"/> measures the bundle against its capacity, which is what enforcement uses.
/// </summary>
public sealed record BundleStatus(
    Guid BundleId,
    Guid CompanyId,
    string Name,
    string? Sku,
    BundleSubscriptionStatus Status,
    int Capacity,
    int TotalQuota,
    int TotalConsumed,
    decimal UtilizationPercent,
    decimal SharesTotalPercent,
    bool SplitValid,
    IReadOnlyList<string> SplitErrors,
    IReadOnlyList<BundleCampaignShare> Campaigns,
    [property: System.Text.Json.Serialization.JsonIgnore] PoolUsage Pool)
{
    /// <summary>
    /// The bundle's utilization: places used against its capacity, the figure enforcement uses. Every gauge, card and list row shows
    /// this one; <see cref="UtilizationPercent"/> (consumed / the quotas allotted to campaigns) is a different figure, shown labelled as such.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal CapacityUtilizationPercent => CapacityPolicy.Percent(Pool.Utilization);

    public static BundleStatus From(Bundle bundle, IEnumerable<Campaign> linked)
    {
        var campaigns = linked
            .Where(c => c.Status != CampaignStatus.Closed)
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new BundleCampaignShare(c.Id, c.Name, c.Status, c.BundleShare ?? 0m, c.BundleQuota, c.VolunteersEnrolled,
                CapacityPolicy.Percent(CapacityPolicy.Utilization(c.VolunteersEnrolled, c.BundleQuota))))
            .ToList();
        var shares = campaigns.Select(c => c.Share).ToList();
        var totalQuota = campaigns.Sum(c => c.Quota);
        var totalConsumed = campaigns.Sum(c => c.Consumed);
        var errors = BundlePolicy.SplitErrors(shares);
        return new BundleStatus(bundle.Id, bundle.CompanyId, bundle.Name, bundle.Sku, bundle.Status, bundle.Capacity, totalQuota, totalConsumed,
            CapacityPolicy.Percent(CapacityPolicy.Utilization(totalConsumed, totalQuota)), CapacityPolicy.Percent(shares.Sum()),
            errors.Count == 0, errors, campaigns, ConsumptionResults.BundlePool(bundle));
    }
}
