using System.Globalization;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>The words every surface uses for a projection (alert messages, emails), so they read the same everywhere.</summary>
public static class ForecastText
{
    /// <summary>"20 Dec" (the year is added when it is not the year of <paramref name="asOf"/>).</summary>
    public static string Date(DateOnly date, DateTimeOffset asOf) =>
        date.ToString(date.Year == asOf.UtcDateTime.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// "on 20 Dec, 11 days before it ends (31 Dec)", "on 20 Dec, in 9 days", "today"; "not at the current pace" without a projection.
    /// </summary>
    public static string When(Forecast f)
    {
        if (f.ProjectedHardLimitAt is not { } at) return "not at the current pace";
        var on = f.DaysToHardLimit == 0 ? "today" : $"on {Date(at, f.AsOf)}";
        if (f.EndDate is { } end && f.DaysBeforeEnd is { } early)
            return early switch
            {
                > 1 => $"{on}, {early} days before it ends ({Date(end, f.AsOf)})",
                1 => $"{on}, 1 day before it ends ({Date(end, f.AsOf)})",
                0 => $"{on}, the day it ends",
                _ => $"{on}, after it ends ({Date(end, f.AsOf)})",
            };
        return f.DaysToHardLimit is { } days and > 0 ? $"{on}, in {days} day{(days == 1 ? "" : "s")}" : on;
    }

    /// <summary>The sentence of the emails: "At the current pace this campaign reaches its hard limit on 20 Dec, 11 days before it ends (31 Dec)."</summary>
    public static string Sentence(Forecast f)
    {
        var pool = f.PoolType == Common.PoolType.Bundle ? "this bundle" : "this campaign";
        if (f.Used >= f.HardLimit) return $"This {(f.PoolType == Common.PoolType.Bundle ? "bundle" : "campaign")} has reached its hard limit.";
        return f.ProjectedHardLimitAt is null
            ? $"At the current pace {pool} does not reach its hard limit."
            : $"At the current pace {pool} reaches its hard limit {When(f)}.";
    }
}
