using System.Globalization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Web.Components.Forecasts;

/// <summary>
/// The words and number formats of every forecast on screen (chart, summary, badge), so a dashboard row and a detail
/// page say the same thing. Figures are the domain's (<see cref="Forecast"/>); nothing is recomputed here.
/// </summary>
public static class ForecastWords
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Unit(PoolMeasure measure) => measure switch
    {
        PoolMeasure.Seats => "seats",
        PoolMeasure.Credits => "credits",
        PoolMeasure.Learners => "learners",
        _ => "places",
    };

    /// <summary>Credits with 2 decimals, places as whole numbers (a burn rate keeps up to 2 decimals).</summary>
    public static string Amount(PoolMeasure measure, decimal value) =>
        measure == PoolMeasure.Credits ? value.ToString("#,0.00", Culture) : value.ToString("#,0.##", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(Culture)} days";

    public static string Percent(decimal ratio) => $"{Math.Round(ratio * 100m, 1).ToString("0.#", Culture)} %";

    private static string PoolWord(PoolType type) => type == PoolType.Bundle ? "bundle" : "campaign";

    /// <summary>"full in 16 days", "full now", "not filling up": the badge's and the summary's days-to-full.</summary>
    public static string DaysToFull(Forecast f) => f.DaysToFull switch
    {
        0 => "full now",
        { } d => $"full in {Days(d)}",
        null => "not filling up",
    };

    /// <summary>"runs out 12 days before the end" (only when the domain says it runs out before its end).</summary>
    public static string? RunsOut(Forecast f) => f.RunsOutBeforeEnd == true && f.DaysBeforeEnd is { } n
        ? $"runs out {Days(n)} before the end"
        : null;

    /// <summary>The one sentence a company admin reads first: where the pool is heading against its end date.</summary>
    public static string Headline(Forecast f)
    {
        var pool = PoolWord(f.PoolType);
        if (f.DaysToHardLimit == 0)
            return $"This {pool} is at its hard limit: further requests are refused.";
        if (f.RunsOutBeforeEnd == true && f.DaysBeforeEnd is { } early)
            return $"At this pace you run out {Days(early)} before your {pool} ends.";
        if (f.EndDate is { } end && end <= ForecastPolicy.Today(f.AsOf))
            return $"This {pool}'s end date ({Date(end)}) has passed.";
        if (f.EndDate is { } endDate)
            return f.ProjectedHardLimitAt is { } at
                ? $"At this pace you reach the hard limit on {Date(at)}, not before your {pool} ends on {Date(endDate)}."
                : $"At this pace you do not run out before your {pool} ends on {Date(endDate)}.";
        return f.ProjectedHardLimitAt is { } hard && f.DaysToHardLimit is { } days
            ? $"At this pace you reach the hard limit on {Date(hard)}, in {Days(days)} (this {pool} has no end date)."
            : $"Usage is not growing, so no run-out date is projected (this {pool} has no end date).";
    }

    public static string BurnRate(Forecast f) =>
        $"{Amount(f.Measure, f.BurnRatePerDay)} {Unit(f.Measure)} per day, over the last {Days(f.BasisDays)}";

    public static string Refused(long refused) => refused switch
    {
        0 => "none",
        1 => "1 attempt",
        _ => $"{refused.ToString("#,0", Culture)} attempts",
    };

    public static string ProjectedDate(DateOnly? date, int? days) => date switch
    {
        null => "not projected (usage is not growing)",
        { } d when days == 0 => $"{Date(d)} (today)",
        { } d => $"{Date(d)} (in {Days(days ?? 0)})",
    };
}
