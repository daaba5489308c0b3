using CapacityAdmin.Domain.Campaigns;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>Pricing models and campaign statuses in words, for people (not the enum names).</summary>
public static class CampaignNames
{
    public static string Model(PricingModel model) => model switch
    {
        PricingModel.Seats => "Volunteer seats",
        PricingModel.Credits => "Impact credits",
        PricingModel.Iaas => "Learner places",
        PricingModel.Bundle => "Bundle",
        _ => "Custom",
    };

    public static string Status(CampaignStatus status) => status.ToString();
}
