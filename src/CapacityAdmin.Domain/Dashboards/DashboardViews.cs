using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Dashboards;

/// <summary>
/// A company admin's landing page: every campaign and bundle of its company with live utilization (from
/// <see cref="CapacityStatus"/> and <see cref="BundleStatus"/>, the same calculation as the list and detail pages),
/// its recent alerts and its capacity requests.
/// </summary>
public sealed record CompanyAdminDashboard(
    string? CompanyName,
    IReadOnlyList<CapacityStatus> Campaigns,
    IReadOnlyList<BundleStatus> Bundles,
    IReadOnlyList<AlertView> RecentAlerts,
    IReadOnlyList<AlertView> CapacityRequests);

/// <summary>A campaign of Customer Success's attention queue, with its company's name.</summary>
public sealed record AttentionCampaign(CapacityStatus Status, string CompanyName);

/// <summary>A bundle of the attention queue, with its company's name.</summary>
public sealed record AttentionBundle(BundleStatus Status, string CompanyName);

/// <summary>
/// Customer Success's queue: pools at or above <see cref="DashboardService.AttentionPercent"/> (the
/// <see cref="DashboardService.AttentionListSize"/> most utilized of each kind, with the counts of all of them), open
/// alerts to acknowledge and capacity requests waiting (newest first), each with its total.
/// </summary>
public sealed record AttentionQueue(
    IReadOnlyList<AttentionCampaign> Campaigns,
    IReadOnlyList<AttentionBundle> Bundles,
    IReadOnlyList<LevelCapUtilization> LevelCaps,
    IReadOnlyList<AlertView> OpenAlerts,
    int OpenAlertCount,
    IReadOnlyList<AlertView> CapacityRequests,
    int CapacityRequestCount,
    int CampaignCount,
    int OverCapacityCount,
    int BundleCount,
    int LevelCapCount);

/// <summary>One upsell opportunity ranked by its pool's live utilization, beside the utilization when it was raised.</summary>
public sealed record RankedUpsellItem(UpsellItemView Item, decimal? LiveUtilizationPercent, CapacityBand? LiveBand);

/// <summary>Sales' landing page: how many upsell items are in each status, and the open ones ranked by live utilization.</summary>
public sealed record SalesDashboard(IReadOnlyDictionary<UpsellStatus, int> Pipeline, IReadOnlyList<RankedUpsellItem> TopItems);

/// <summary>An alert delivery that failed for good or is being retried.</summary>
public sealed record TroubledDelivery(Guid AlertId, string PoolName, AlertRecipients Recipient, string? Address, DeliveryState State, int Attempts,
    string? LastError, DateTimeOffset NextAttemptAt);

/// <summary>An administrator's figures (jobs come from the host's job catalog).</summary>
public sealed record AdministratorDashboard(
    IReadOnlyList<TroubledDelivery> Deliveries,
    int FailedDeliveries,
    int RetryingDeliveries,
    int Users,
    int RevokedUsers,
    int UsersToChangePassword,
    int ActiveApiKeys,
    int RevokedApiKeys);
