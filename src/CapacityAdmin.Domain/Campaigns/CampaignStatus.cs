namespace CapacityAdmin.Domain.Campaigns;

/// <summary>Lifecycle of a campaign (product.md §2.2).</summary>
public enum CampaignStatus
{
    Draft,
    Planned,
    Recruiting,
    Active,
    Paused,
    Completed,
    Closed,
}
