namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// Which threshold band a pool has reached (product.md §3). Pure and exact: used, limit and hard
/// limit are compared in <c>decimal</c> by cross-multiplication, never through a rounded ratio.
/// </summary>
public static class AlertPolicy
{
    /// <summary>The single highest band reached, or null. One evaluation yields at most one alert.</summary>
    public static AlertBand? HighestBand(decimal used, decimal limit, decimal hardLimit, IReadOnlyList<AlertBand> bands)
    {
        AlertBand? highest = null;
        foreach (var band in bands)
            if (Reached(used, limit, hardLimit, band) && (highest is null || band.Rank > highest.Rank))
                highest = band;
        return highest;
    }

    /// <summary>
    /// True when usage going from <paramref name="usedBefore"/> to <paramref name="usedAfter"/> reaches a band
    /// higher than the highest one reached before: the only consumptions that need an alert evaluation
    /// (and its outbox row). Staying inside a band, or falling, crosses nothing; repeats of a band whose
    /// window has passed are the threshold scan's job.
    /// </summary>
    public static bool CrossesUp(decimal usedBefore, decimal usedAfter, decimal limit, decimal hardLimit, IReadOnlyList<AlertBand> bands) =>
        (HighestBand(usedAfter, limit, hardLimit, bands)?.Rank ?? 0) > (HighestBand(usedBefore, limit, hardLimit, bands)?.Rank ?? 0);

    /// <summary>
    /// A percentage band is reached when used / limit &gt;= min %; the hard-limit band when used &gt;=
    /// the hard limit. Nothing used never reaches a band (so a limit of 0 with no usage is quiet);
    /// usage on a limit of 0 is past every band.
    /// </summary>
    public static bool Reached(decimal used, decimal limit, decimal hardLimit, AlertBand band)
    {
        if (used <= 0) return false;
        if (limit <= 0) return true;
        return band.IsHardLimit ? used >= hardLimit : used * 100m >= band.MinUtilizationPercent * limit;
    }

    /// <summary>used / limit in percent, 2 places, half away from zero; usage on a limit of 0 counts against one unit.</summary>
    public static decimal UtilizationPercent(decimal used, decimal limit)
    {
        if (limit > 0) return Math.Round(used * 100m / limit, 2, MidpointRounding.AwayFromZero);
        return used <= 0 ? 0m : Math.Round(used * 100m, 2, MidpointRounding.AwayFromZero);
    }
}
