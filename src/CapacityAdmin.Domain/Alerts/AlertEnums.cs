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

/// <summary>The lower-case names of the contract (api-v1.md "Alert") for every alert enum, both ways.</summary>
public static class AlertNames
{
    public static string Of(AlertSeverity value) => value.ToString().ToLowerInvariant();

    public static string Of(AlertAction value) => value switch
    {
        AlertAction.UpsellOpportunity => "upsell_opportunity",
        AlertAction.RecommendExpansion => "recommend_expansion",
        AlertAction.BlockEnrollments => "block_enrollments",
        AlertAction.CapacityRequest => "capacity_request",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(AlertKind value) => value switch
    {
        AlertKind.CapacityRequest => "capacity_request",
        AlertKind.Forecast => "forecast",
        _ => "threshold",
    };

    public static string Of(DeliveryState value) => value == DeliveryState.NoAddress ? "no_address" : value.ToString().ToLowerInvariant();

    public static string Of(UpsellStatus value) => value.ToString().ToLowerInvariant();

    public static string Of(AlertStatus value) => value.ToString().ToLowerInvariant();

    public static string Of(PoolMeasure value) => value.ToString().ToLowerInvariant();

    public static string Of(Common.PoolType value) => value switch
    {
        Common.PoolType.Campaign => "campaign",
        Common.PoolType.Bundle => "bundle",
        Common.PoolType.LevelCapacity => "levelCapacity",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>One recipient role: <c>sales</c>, <c>company_admin</c>, <c>cs</c>.</summary>
    public static string OfRole(AlertRecipients single) => single switch
    {
        AlertRecipients.Sales => "sales",
        AlertRecipients.CompanyAdmin => "company_admin",
        AlertRecipients.CustomerSuccess => "cs",
        _ => throw new ArgumentOutOfRangeException(nameof(single), single, "Exactly one recipient role."),
    };

    /// <summary>The roles of a combination, in the order sales, company_admin, cs.</summary>
    public static IReadOnlyList<string> Of(AlertRecipients value) => Roles(value).Select(OfRole).ToList();

    public static IEnumerable<AlertRecipients> Roles(AlertRecipients value) =>
        new[] { AlertRecipients.Sales, AlertRecipients.CompanyAdmin, AlertRecipients.CustomerSuccess }.Where(r => value.HasFlag(r));

    public static bool TryParseSeverity(string? text, out AlertSeverity value) => TryParse(text, Of, out value);

    public static bool TryParseAction(string? text, out AlertAction value) => TryParse(text, Of, out value);

    public static bool TryParseUpsellStatus(string? text, out UpsellStatus value) => TryParse(text, Of, out value);

    public static bool TryParseStatus(string? text, out AlertStatus value) => TryParse(text, Of, out value);

    public static bool TryParseKind(string? text, out AlertKind value) => TryParse(text, Of, out value);

    public static bool TryParseRole(string? text, out AlertRecipients value)
    {
        value = AlertRecipients.None;
        foreach (var role in Roles(AlertRecipients.Sales | AlertRecipients.CompanyAdmin | AlertRecipients.CustomerSuccess))
            if (string.Equals(OfRole(role), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = role;
                return true;
            }
        return false;
    }

    private static bool TryParse<T>(string? text, Func<T, string> name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }
}
