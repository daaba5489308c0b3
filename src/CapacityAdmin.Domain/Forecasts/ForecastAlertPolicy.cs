using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>When the early-warning <c>forecast</c> alert is due, and what it is (severity warning, to Sales and the company admins).</summary>
public static class ForecastAlertPolicy
{
    /// <summary>The alert's threshold and its repeat window's key (beside "80%" ... "110%").</summary>
    public const string WindowKey = "forecast";

    public const AlertSeverity Severity = AlertSeverity.Warning;
    public const AlertRecipients Recipients = AlertRecipients.Sales | AlertRecipients.CompanyAdmin;

    /// <summary>An upsell opportunity: the item lands in the sales list as "new".</summary>
    public const AlertAction Action = AlertAction.UpsellOpportunity;

    /// <summary>
    /// Due when the pool is projected to reach its hard limit before its end date, or, without an end date, within
    /// <paramref name="horizonDays"/> days. Not warned: a pool already at its hard limit (the hard-limit band has alerted
    /// it, there is nothing left to forecast), and a rate measured over fewer than <paramref name="minBasisDays"/> days
    /// (a campaign that loads its roster on its first day would otherwise "run out tomorrow"; the forecast itself still
    /// shows that rate).
    /// </summary>
    public static bool ShouldRaise(Forecast f, int horizonDays, int minBasisDays)
    {
        if (f.BasisDays < minBasisDays) return false;
        if (f.Used >= f.HardLimit || f.ProjectedHardLimitAt is not { } at || f.DaysToHardLimit is not { } days) return false;
        return f.EndDate is { } end ? at < end : days <= horizonDays;
    }

    /// <summary>
    /// Whether <see cref="ShouldRaise"/> can hold for a pool whatever its burn rate, from what is known before its usage
    /// history is read: false when the basis is too short, the pool is already at its hard limit, or its end date is on or
    /// before tomorrow (below the hard limit, a projected date is at least tomorrow). The scan forecasts only the pools for
    /// which this is true; it never rules out a pool that <see cref="ShouldRaise"/> would select.
    /// </summary>
    public static bool MayRaise(DateTimeOffset now, DateTimeOffset start, long used, long hardLimit, DateOnly? endDate, int minBasisDays)
    {
        if (ForecastPolicy.BasisDays(now, start) < minBasisDays || used >= hardLimit) return false;
        return endDate is not { } end || end.DayNumber > ForecastPolicy.Today(now).DayNumber + 1;
    }

    /// <summary><see cref="MayRaise(DateTimeOffset, DateTimeOffset, long, long, DateOnly?, int)"/> of a campaign's governing pool, as ForecastReader forecasts it.</summary>
    internal static bool MayRaise(Campaign c, DateTimeOffset now, int minBasisDays)
    {
        var m = c.MeasureOf(CapacityKinds.Governing(c.PricingModel));
        return MayRaise(now, ForecastPolicy.Start(c.StartDate, c.CreatedAt), m.Used, m.HardLimit, c.EndDate, minBasisDays);
    }

    /// <summary><see cref="MayRaise(DateTimeOffset, DateTimeOffset, long, long, DateOnly?, int)"/> of a bundle, as ForecastReader forecasts it.</summary>
    internal static bool MayRaise(Bundle b, DateTimeOffset now, int minBasisDays) =>
        MayRaise(now, b.CreatedAt, b.VolunteersUsed, b.Capacity, null, minBasisDays);
}
