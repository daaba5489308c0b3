namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// draft -> planned -> recruiting -> active &lt;-&gt; paused -> completed -> closed; draft, planned,
/// recruiting and paused may also go to closed. Active may complete directly as well as through paused.
/// </summary>
public static class CampaignLifecycle
{
    private static readonly IReadOnlyDictionary<CampaignStatus, CampaignStatus[]> Next = new Dictionary<CampaignStatus, CampaignStatus[]>
    {
        [CampaignStatus.Draft] = [CampaignStatus.Planned, CampaignStatus.Closed],
        [CampaignStatus.Planned] = [CampaignStatus.Recruiting, CampaignStatus.Closed],
        [CampaignStatus.Recruiting] = [CampaignStatus.Active, CampaignStatus.Closed],
        [CampaignStatus.Active] = [CampaignStatus.Paused, CampaignStatus.Completed],
        [CampaignStatus.Paused] = [CampaignStatus.Active, CampaignStatus.Completed, CampaignStatus.Closed],
        [CampaignStatus.Completed] = [CampaignStatus.Closed],
        [CampaignStatus.Closed] = [],
    };

    public static bool CanTransition(CampaignStatus from, CampaignStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<CampaignStatus> AllowedTargets(CampaignStatus from) => Next[from];

    /// <summary>Only recruiting and active campaigns accept consumption.</summary>
    public static bool AcceptsConsumption(CampaignStatus status) => status is CampaignStatus.Recruiting or CampaignStatus.Active;
}
