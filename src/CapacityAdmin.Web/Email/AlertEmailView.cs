using System.Globalization;
using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Web.Email;

/// <summary>What both alert templates show, worked out once from the domain's <see cref="AlertEmailModel"/>.</summary>
public sealed record AlertEmailView(
    AlertEmailModel Model,
    string PoolLabel,
    string SeverityLabel,
    string Utilization,
    string Headline,
    string Recommendation,
    string PoolUrl)
{
    public static AlertEmailView From(AlertEmailModel model, string linkBaseUrl) => new(
        model,
        PoolLabelOf(model.PoolType),
        model.Severity.ToUpperInvariant(),
        FormatPercent(model.UtilizationPercent),
        HeadlineOf(model),
        RecommendationOf(model.Action),
        PoolUrlOf(model, linkBaseUrl));

    /// <summary>For example <c>[CRITICAL] River Clean-up 2026 at 112% — enrollments blocked</c>.</summary>
    public string Subject => $"[{SeverityLabel}] {Model.PoolName} at {Utilization} — {Headline}";

    /// <summary>When the alert was raised, in UTC.</summary>
    public string Raised => Model.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string FormatPercent(decimal percent) =>
        decimal.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Normalize(string value) => value.Replace("_", "").Replace("-", "").Replace(" ", "").ToLowerInvariant();

    private static string PoolLabelOf(string poolType) => Normalize(poolType) switch
    {
        "campaign" => "Campaign",
        "bundle" => "Bundle",
        "levelcapacity" or "levelcap" or "membership" or "membershiplevel" => "Membership level capacity",
        _ => poolType,
    };

    /// <summary>The pool's page: <c>/campaigns/{id}</c>, <c>/bundles/{id}</c> or the level-capacity list.</summary>
    private static string PoolUrlOf(AlertEmailModel model, string linkBaseUrl)
    {
        var path = Normalize(model.PoolType) switch
        {
            "campaign" => $"campaigns/{model.PoolId}",
            "bundle" => $"bundles/{model.PoolId}",
            _ => "memberships/level-capacities",
        };
        return linkBaseUrl.TrimEnd('/') + "/" + path;
    }

    /// <summary>A forecast early warning (kind <c>forecast</c>) rather than a band crossed.</summary>
    public bool IsForecast => Model.Threshold == Domain.Forecasts.ForecastAlertPolicy.WindowKey;

    /// <summary>Why this email was sent (the footer).</summary>
    public string Cause => IsForecast ? "this pool is projected to reach its hard limit early" : "this pool crossed a capacity band";

    private static string HeadlineOf(AlertEmailModel model) => model.Threshold == Domain.Forecasts.ForecastAlertPolicy.WindowKey
        ? "projected to run out"
        : Normalize(model.Action) switch
    {
        "upsellopportunity" => "upsell opportunity",
        "recommendexpansion" => "expansion recommended",
        "blockenrollments" => "enrollments blocked",
        "atcapacity" => "at capacity",
        _ => model.Action.Replace('_', ' '),
    };

    private static string RecommendationOf(string action) => Normalize(action) switch
    {
        "upsellopportunity" =>
            "This pool is filling up: a good moment to contact the company about a larger plan or more credits before it runs out.",
        "recommendexpansion" =>
            "Expand the pool's capacity soon (raise the limit or add credits), or new enrollments will reach the hard limit and be refused.",
        "blockenrollments" =>
            "The hard limit is reached: new enrollments are refused until the capacity is raised or places are released. Raise the limit now if the company needs more places.",
        "atcapacity" =>
            "The pool is at capacity: further enrollments use the overage allowance up to the hard limit. Raise the limit to keep enrollments open.",
        _ => "Review the pool's capacity and usage.",
    };
}
