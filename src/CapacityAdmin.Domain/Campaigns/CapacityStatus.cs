using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Campaigns;

public sealed record TargetFigure(int Target, int Current, int Available, decimal UtilizationPercent);

public sealed record SeatsFigure(int Committed, int Used, int Available, decimal UtilizationPercent);

public sealed record CreditsFigure(decimal Allocated, decimal Consumed, decimal Remaining, decimal UtilizationPercent);

public sealed record IaasFigure(int LearnersCommitted, int LearnersServed, int Remaining, decimal UtilizationPercent);

public sealed record BundleFigure(Guid BundleId, decimal Share, int Quota, int Used, int Available, decimal UtilizationPercent);

/// <summary>
/// The capacity of one campaign as api-v1.md's CapacityStatus. Exactly one of Seats, Credits, Iaas,
/// Bundle is set for those models, none for custom. Ratios are rounded to 4 places, percentages to 2,
/// both half away from zero; the band and the flags come from exact integers.
/// </summary>
public sealed record CapacityStatus(
    Guid CampaignId,
    string Name,
    Guid CompanyId,
    PricingModel PricingModel,
    CampaignStatus Status,
    TargetFigure Volunteers,
    TargetFigure Beneficiaries,
    SeatsFigure? Seats,
    CreditsFigure? Credits,
    IaasFigure? Iaas,
    BundleFigure? Bundle,
    decimal OverallUtilization,
    decimal OveragePercent,
    decimal HardLimit,
    bool IsNearCapacity,
    bool IsAtCapacity,
    bool IsOverCapacity,
    bool AllowsOverage,
    CapacityBand Band)
{
    public static CapacityStatus From(Campaign c)
    {
        var governing = c.Governing;
        var flags = governing.Flags;
        return new CapacityStatus(
            c.Id, c.Name, c.CompanyId, c.PricingModel, c.Status,
            Target(c.TargetVolunteers, c.VolunteersEnrolled),
            // Learners are the only beneficiaries the product counts; other models report 0 served.
            Target(c.TargetBeneficiaries, c.LearnersEnrolled),
            c.PricingModel == PricingModel.Seats ? SeatsOf(c) : null,
            c.PricingModel == PricingModel.Credits ? CreditsOf(c) : null,
            c.PricingModel == PricingModel.Iaas ? IaasOf(c) : null,
            c.PricingModel == PricingModel.Bundle && c.BundleId is { } bundleId ? BundleOf(c, bundleId) : null,
            CapacityPolicy.RoundRatio(governing.Utilization),
            c.OveragePercent,
            governing.ToWhole(governing.HardLimit),
            flags.IsNearCapacity, flags.IsAtCapacity, flags.IsOverCapacity, flags.AllowsOverage,
            governing.Band);
    }

    private static TargetFigure Target(int target, int current) =>
        new(target, current, (int)CapacityPolicy.PlacesAvailable(current, target), CapacityPolicy.Percent(CapacityPolicy.Utilization(current, target)));

    private static SeatsFigure SeatsOf(Campaign c)
    {
        var m = c.Volunteers;
        return new SeatsFigure((int)m.Limit, (int)m.Used, (int)CapacityPolicy.PlacesAvailable(m.Used, m.Limit), CapacityPolicy.Percent(m.Utilization));
    }

    private static CreditsFigure CreditsOf(Campaign c)
    {
        var m = c.CreditUsage;
        return new CreditsFigure(m.ToWhole(m.Limit), m.ToWhole(m.Used), m.ToWhole(m.Limit - m.Used), CapacityPolicy.Percent(m.Utilization));
    }

    private static IaasFigure IaasOf(Campaign c)
    {
        var m = c.Learners;
        return new IaasFigure((int)m.Limit, (int)m.Used, (int)CapacityPolicy.PlacesAvailable(m.Used, m.Limit), CapacityPolicy.Percent(m.Utilization));
    }

    private static BundleFigure BundleOf(Campaign c, Guid bundleId)
    {
        var m = c.Volunteers;
        return new BundleFigure(bundleId, c.BundleShare ?? 0m, (int)m.Limit, (int)m.Used,
            (int)CapacityPolicy.PlacesAvailable(m.Used, m.Limit), CapacityPolicy.Percent(m.Utilization));
    }
}
