using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>A threshold alert raised by an evaluation, a company admin's request for more capacity, or a forecast early warning.</summary>
public enum AlertKind
{
    Threshold,
    CapacityRequest,

    /// <summary>The early warning: the pool is projected to reach its hard limit before its end (Forecasts/ForecastAlertPolicy).</summary>
    Forecast,
}

public enum AlertSeverity
{
    Info,
    Warning,
    Error,
    Critical,
}

public enum AlertAction
{
    UpsellOpportunity,
    RecommendExpansion,
    BlockEnrollments,

    /// <summary>Only on <see cref="AlertKind.CapacityRequest"/> items; never configurable on a band.</summary>
    CapacityRequest,
}

/// <summary>Who an alert goes to. A band holds a combination; a delivery exactly one.</summary>
[Flags]
public enum AlertRecipients
{
    None = 0,
    Sales = 1,
    CompanyAdmin = 2,
    [JsonStringEnumMemberName("cs")]
    CustomerSuccess = 4,
}

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,

    /// <summary>The recipient role resolved to no address: recorded, never silently dropped, never sent.</summary>
    NoAddress,
}

/// <summary>The sales workflow of an upsell item: new -> contacted -> won / lost / dismissed (new may be dismissed directly).</summary>
public enum UpsellStatus
{
    New,
    Contacted,
    Won,
    Lost,
    Dismissed,
}

/// <summary>The handling state of an alert at a given instant (the <c>status</c> filter of GET /alerts).</summary>
public enum AlertStatus
{
    New,
    Acknowledged,
    Snoozed,
}

/// <summary>What a pool counts: the campaign measures, and seats for level caps.</summary>
public enum PoolMeasure
{
    Volunteers,
    Learners,
    Credits,
    Seats,
}

/// <summary>The single roles of a recipient combination (their wire names are <see cref="Common.WireNames"/>: sales, company_admin, cs).</summary>
public static class AlertRecipientsExtensions
{
    private static readonly AlertRecipients[] Singles = [AlertRecipients.Sales, AlertRecipients.CompanyAdmin, AlertRecipients.CustomerSuccess];

    /// <summary>The roles of a combination, in the order sales, company_admin, cs.</summary>
    public static IEnumerable<AlertRecipients> Each(this AlertRecipients value) => Singles.Where(r => value.HasFlag(r));

    public static bool IsSingleRole(this AlertRecipients value) => Singles.Contains(value);
}
