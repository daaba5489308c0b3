using CapacityAdmin.Domain.Bundles;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The columns of a campaign a consumption result is built from, for one kind of capacity: what the
/// hot statements return (<c>RETURNING</c>) or read on a refusal, instead of the whole entity.
/// </summary>
internal sealed record CampaignSnapshot(Guid Id, Guid CompanyId, string Name, CampaignStatus Status, decimal OveragePercent, Guid? BundleId,
    CapacityMeasure Measure)
{
    public bool AcceptsConsumption => CampaignLifecycle.AcceptsConsumption(Status);

    public static CampaignSnapshot From(Campaign campaign, CapacityKind kind) =>
        new(campaign.Id, campaign.CompanyId, campaign.Name, campaign.Status, campaign.OveragePercent, campaign.BundleId, campaign.MeasureOf(kind));
}

/// <summary>The columns of a bundle a volunteer consumption result is built from.</summary>
internal sealed record BundleSnapshot(Guid Id, Guid CompanyId, string Name, int VolunteersUsed, int Capacity)
{
    public static BundleSnapshot From(Bundle bundle) => new(bundle.Id, bundle.CompanyId, bundle.Name, bundle.VolunteersUsed, bundle.Capacity);
}
