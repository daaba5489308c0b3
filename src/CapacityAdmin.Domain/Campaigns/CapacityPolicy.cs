namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The arithmetic of limits, the overage band and the flags (product.md §2.2). Quantities are whole
/// units (places, or credit cents), so every comparison is exact integer cross-multiplication.
/// </summary>
public static class CapacityPolicy
{
    public const decimal DefaultOveragePercent = 10m;
    public const decimal MaxOveragePercent = 1000m;

    /// <summary>
    /// floor(limit x (1 + overage / 100)). Rounding down means usage never passes the exact hard
    /// ratio: with places, floor(5 x 1.1) = 5 leaves a 5-place campaign without an overage place.
    /// </summary>
    public static long HardLimit(long limit, decimal overagePercent)
    {
        if (limit <= 0) return 0;
        return decimal.ToInt64(decimal.Floor(limit * (100m + overagePercent) / 100m));
    }

    /// <summary>Whether adding <paramref name="amount"/> keeps usage at most the hard limit. A limit of 0 allows nothing.</summary>
    public static bool Allows(long used, long amount, long hardLimit) => amount > 0 && used + amount <= hardLimit;

    /// <summary>
    /// used / limit. With a limit of 0 it is 0 while nothing is used; with usage it is measured
    /// against one whole unit (one place, one credit), so it still reads as far over capacity.
    /// </summary>
    public static decimal Utilization(long used, long limit, int unitsPerWhole = 1)
    {
        if (limit > 0) return used / (decimal)limit;
        return used <= 0 ? 0m : used / (decimal)unitsPerWhole;
    }

    public static CapacityBand Band(long used, long limit)
    {
        if (limit <= 0) return used > 0 ? CapacityBand.Overage : CapacityBand.Normal;
        if (5 * used < 4 * limit) return CapacityBand.Normal;
        if (used < limit) return CapacityBand.Near;
        return used == limit ? CapacityBand.At : CapacityBand.Overage;
    }

    /// <summary>near = 0.80 &lt;= u &lt; 1.00; at = 1.00 &lt;= u &lt;= hard ratio; over = u &gt; 1.00; allowsOverage = the hard limit lies above the limit.</summary>
    public static CapacityFlags Flags(long used, long limit, long hardLimit)
    {
        var hasLimit = limit > 0;
        var near = hasLimit && 5 * used >= 4 * limit && used < limit;
        var at = hasLimit && used >= limit && used <= hardLimit;
        var over = used > limit;
        return new CapacityFlags(near, at, over, hardLimit > limit);
    }

    /// <summary>A ratio as a percentage rounded half away from zero to 2 places, for display.</summary>
    public static decimal Percent(decimal ratio) => Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>A ratio rounded half away from zero to 4 places (the same precision as <see cref="Percent"/>).</summary>
    public static decimal RoundRatio(decimal ratio) => Math.Round(ratio, 4, MidpointRounding.AwayFromZero);

    /// <summary>Places left; never below 0.</summary>
    public static long PlacesAvailable(long used, long limit) => Math.Max(0, limit - used);

    /// <summary>"110%" for a 10 % allowance.</summary>
    public static string MaxPercentLabel(decimal overagePercent) => FormattableString.Invariant($"{100m + overagePercent:0.##}%");

    public static bool IsValidOveragePercent(decimal overagePercent) =>
        overagePercent >= 0 && overagePercent <= MaxOveragePercent && decimal.Round(overagePercent, 2) == overagePercent;
}
