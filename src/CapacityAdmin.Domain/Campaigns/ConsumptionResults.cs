using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>Builds consumption results from the rows as they stand after (or without) the write.</summary>
internal static class ConsumptionResults
{
    public static ConsumptionResult Allowed(Campaign campaign, Bundle? bundle, CapacityKind kind, bool existing) =>
        Allowed(CampaignSnapshot.From(campaign, kind), bundle is null ? null : BundleSnapshot.From(bundle), kind, existing);

    public static ConsumptionResult Allowed(CampaignSnapshot campaign, BundleSnapshot? bundle, CapacityKind kind, bool existing)
    {
        var m = campaign.Measure;
        var reason = m.Used > m.Limit && m.Limit > 0
            ? $"Overage allowed, max {CapacityPolicy.MaxPercentLabel(campaign.OveragePercent)}."
            : null;
        return new ConsumptionResult(true, existing, CapacityPolicy.RoundRatio(m.Utilization), m.Band, reason, null)
        {
            CampaignId = campaign.Id,
            Pools = Pools(campaign, bundle, kind),
        };
    }

    /// <summary>A refusal reports what usage would have become with <paramref name="amount"/> more.</summary>
    public static ConsumptionResult Refused(CampaignSnapshot campaign, BundleSnapshot? bundle, CapacityKind kind, long amount, string code, string reason)
    {
        var wouldBe = campaign.Measure.With(campaign.Measure.Used + amount);
        return new ConsumptionResult(false, false, CapacityPolicy.RoundRatio(wouldBe.Utilization), wouldBe.Band, reason, code)
        {
            CampaignId = campaign.Id,
            Pools = Pools(campaign, bundle, kind),
        };
    }

    public static ConsumptionResult NotAccepting(CampaignSnapshot campaign, BundleSnapshot? bundle, CapacityKind kind, long amount) =>
        Refused(campaign, bundle, kind, amount, ErrorCodes.CampaignNotAccepting,
            $"Campaign '{campaign.Name}' is {campaign.Status.ToString().ToLowerInvariant()}; only recruiting and active campaigns accept consumption.");

    public static ConsumptionResult Exceeded(CampaignSnapshot campaign, BundleSnapshot? bundle, CapacityKind kind, long amount)
    {
        var m = campaign.Measure;
        var max = CapacityPolicy.MaxPercentLabel(campaign.OveragePercent);
        var reason = m.Limit <= 0
            ? $"Campaign '{campaign.Name}' has a {CapacityKinds.Noun(kind)} limit of 0; nothing can be consumed."
            : FormattableString.Invariant(
                $"Capacity exceeded: {CapacityKinds.Noun(kind)} would reach {Format(m, m.Used + amount)} of {Format(m, m.Limit)} ") +
              FormattableString.Invariant(
                $"({CapacityPolicy.Percent(m.With(m.Used + amount).Utilization):0.##}%); overage allowed up to {max} ({Format(m, m.HardLimit)}).");
        return Refused(campaign, bundle, kind, amount, ErrorCodes.CapacityExceeded, reason);
    }

    public static ConsumptionResult BundleFull(CampaignSnapshot campaign, BundleSnapshot bundle, long amount) =>
        Refused(campaign, bundle, CapacityKind.Volunteers, amount, ErrorCodes.CapacityExceeded,
            $"Capacity exceeded: bundle '{bundle.Name}' has {bundle.VolunteersUsed} of {bundle.Capacity} places used, " +
            "and a bundle never goes past its capacity (overage allowed up to 100% of the bundle).");

    /// <summary>The request does not fit the campaign's pricing model: an error of the request (422), not a refusal.</summary>
    public static DomainError Mismatch(string reason) => new(ErrorKind.Unprocessable, ErrorCodes.PricingModelMismatch, reason);

    public static DomainError CampaignNotFound(Guid campaignId) =>
        DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {campaignId} was not found.");

    public static IReadOnlyList<PoolUsage> Pools(Campaign campaign, Bundle? bundle, CapacityKind kind) =>
        Pools(CampaignSnapshot.From(campaign, kind), bundle is null ? null : BundleSnapshot.From(bundle), kind);

    public static IReadOnlyList<PoolUsage> Pools(CampaignSnapshot campaign, BundleSnapshot? bundle, CapacityKind kind)
    {
        var m = campaign.Measure;
        var pools = new List<PoolUsage>
        {
            new(PoolType.Campaign, campaign.Id, campaign.CompanyId, campaign.Name, kind, m.ToWhole(m.Used), m.ToWhole(m.Limit),
                m.ToWhole(m.HardLimit), CapacityPolicy.RoundRatio(m.Utilization), m.Band),
        };
        if (bundle is not null) pools.Add(BundlePool(bundle));
        return pools;
    }

    public static PoolUsage BundlePool(Bundle bundle) => BundlePool(BundleSnapshot.From(bundle));

    public static PoolUsage BundlePool(BundleSnapshot bundle)
    {
        var m = new CapacityMeasure(bundle.VolunteersUsed, bundle.Capacity, bundle.Capacity);
        return new PoolUsage(PoolType.Bundle, bundle.Id, bundle.CompanyId, bundle.Name, CapacityKind.Volunteers, m.Used, m.Limit, m.HardLimit,
            CapacityPolicy.RoundRatio(m.Utilization), m.Band);
    }

    private static string Format(CapacityMeasure m, long units) =>
        m.UnitsPerWhole == 1 ? units.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : m.ToWhole(units).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
