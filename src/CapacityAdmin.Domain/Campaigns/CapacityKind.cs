namespace CapacityAdmin.Domain.Campaigns;

/// <summary>What a campaign counts: volunteer places, learner places or credits.</summary>
public enum CapacityKind
{
    Volunteers,
    Learners,
    Credits,
}

public static class CapacityKinds
{
    public static CapacityKind Governing(PricingModel model) => model switch
    {
        PricingModel.Credits => CapacityKind.Credits,
        PricingModel.Iaas => CapacityKind.Learners,
        _ => CapacityKind.Volunteers,
    };

    public static CapacityMeasure MeasureOf(this Campaign campaign, CapacityKind kind) => kind switch
    {
        CapacityKind.Learners => campaign.Learners,
        CapacityKind.Credits => campaign.CreditUsage,
        _ => campaign.Volunteers,
    };

    public static string Noun(CapacityKind kind) => kind switch
    {
        CapacityKind.Learners => "learners",
        CapacityKind.Credits => "credits",
        _ => "volunteers",
    };
}
