using CapacityAdmin.Domain.Alerts;

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
}
