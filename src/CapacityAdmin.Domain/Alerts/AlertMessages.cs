using System.Globalization;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>The one-line message stored with an alert (emails and lists show it as is).</summary>
internal static class AlertMessages
{
    public static string For(AlertPool pool, AlertBand band)
    {
        var percent = AlertPolicy.UtilizationPercent(pool.Used, pool.Limit);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{Describe(pool)} is at {percent:0.##}% of its {Noun(pool.Measure)} ({Amount(pool, pool.Used)} of {Amount(pool, pool.Limit)})");
        var meaning = band.Action switch
        {
            AlertAction.UpsellOpportunity => "upsell opportunity.",
            AlertAction.RecommendExpansion when pool.Limit > 0 && pool.Used >= pool.Limit => "at capacity; expansion recommended.",
            AlertAction.RecommendExpansion => "expansion recommended.",
            AlertAction.BlockEnrollments => string.Create(CultureInfo.InvariantCulture,
                $"the hard limit of {Amount(pool, pool.HardLimit)} is reached; new {Noun(pool.Measure)} are refused."),
            _ => "",
        };
        return $"{head}: threshold {band.Threshold} reached, {meaning}";
    }

    public static string ForRequest(AlertPool pool, string requestedBy, string? note)
    {
        var percent = AlertPolicy.UtilizationPercent(pool.Used, pool.Limit);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{requestedBy} asks for more capacity for {Describe(pool)}, at {percent:0.##}% of its {Noun(pool.Measure)} ({Amount(pool, pool.Used)} of {Amount(pool, pool.Limit)}).");
        return note is null ? text : $"{text} Note: {note}";
    }

    /// <summary>"At the current pace campaign 'X' reaches its hard limit (110 volunteer places) on 20 Dec, 11 days before it ends (31 Dec)."</summary>
    public static string ForForecast(AlertPool pool, Forecasts.Forecast f) =>
        string.Create(CultureInfo.InvariantCulture,
            $"At the current pace ({Amount(pool, f.BurnRatePerDay, rate: true)} {Noun(pool.Measure)} a day) {Describe(pool)} reaches its hard limit ") +
        string.Create(CultureInfo.InvariantCulture, $"({Amount(pool, pool.HardLimit)} {Noun(pool.Measure)}) {Forecasts.ForecastText.When(f)}.");

    private static string Describe(AlertPool pool) => pool.PoolType switch
    {
        PoolType.Campaign => $"Campaign '{pool.PoolName}'",
        PoolType.Bundle => $"Bundle '{pool.PoolName}'",
        _ => $"Level cap {pool.PoolName}",
    };

    private static string Noun(PoolMeasure measure) => measure switch
    {
        PoolMeasure.Learners => "learner places",
        PoolMeasure.Credits => "credits",
        PoolMeasure.Seats => "seats",
        _ => "volunteer places",
    };

    private static string Amount(AlertPool pool, decimal value, bool rate = false) =>
        value.ToString(rate ? "0.##" : pool.Measure == PoolMeasure.Credits ? "0.00" : "0", CultureInfo.InvariantCulture);
}
