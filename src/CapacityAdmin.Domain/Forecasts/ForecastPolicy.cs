namespace CapacityAdmin.Domain.Forecasts;

/// <summary>What the policy projects for one pool (api-v1.md "Usage history, forecasts and refused demand").</summary>
public sealed record ForecastProjection(
    int BasisDays,
    decimal BurnRatePerDay,
    DateOnly? ProjectedFullAt,
    DateOnly? ProjectedHardLimitAt,
    decimal? ProjectedUtilizationAtEnd,
    bool? RunsOutBeforeEnd)
{
    /// <summary>Whole days from today to <see cref="ProjectedFullAt"/> (0 when already full); null without a projection.</summary>
    public int? DaysToFull { get; init; }

    /// <summary>Whole days from today to <see cref="ProjectedHardLimitAt"/>; null without a projection.</summary>
    public int? DaysToHardLimit { get; init; }
}

/// <summary>
/// The burn-rate forecast, exactly as the contract defines it, in one pure place that the API, the
/// dashboards, the alert scan, the emails and the upsell list all call, so they can never disagree.
/// Quantities are in the pool's unit (places, or credits with 2 decimals) and exact <c>decimal</c>.
/// <list type="bullet">
/// <item><c>basisDays</c> = 14, or the whole UTC days since the start (start date, else creation) when fewer; at least 1.</item>
/// <item><c>burnRatePerDay</c> = (usage now - usage <c>basisDays</c> ago) / <c>basisDays</c>; usage before the start counts as 0.
/// "basisDays ago" is the instant <c>asOf - basisDays x 24 h</c>, so the rate covers exactly that many days of consumption.</item>
/// <item>Projected dates use the exact rate (the usage change and <c>basisDays</c>, as a fraction), so a date never moves by a day
/// through rounding; the published <c>burnRatePerDay</c> is that rate rounded half away from zero to 4 places.</item>
/// <item>A date is today when the pool is already there, whatever the rate; otherwise null when the rate is 0 or negative.</item>
/// </list>
/// </summary>
public static class ForecastPolicy
{
    public const int MaxBasisDays = 14;
    public const int BurnRateDecimals = 4;

    /// <summary>14, or the whole UTC days from <paramref name="start"/>'s date to <paramref name="asOf"/>'s date when fewer; at least 1.</summary>
    public static int BasisDays(DateTimeOffset asOf, DateTimeOffset start) =>
        Math.Clamp(Today(asOf).DayNumber - Today(start).DayNumber, 1, MaxBasisDays);

    /// <summary>The instant whose usage the rate is measured from.</summary>
    public static DateTimeOffset BasisInstant(DateTimeOffset asOf, int basisDays) => asOf.AddDays(-basisDays);

    /// <summary>The start of a campaign: its start date at 00:00 UTC, else its creation.</summary>
    public static DateTimeOffset Start(DateOnly? startDate, DateTimeOffset createdAt) =>
        startDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : createdAt;

    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>
    /// Projects one pool. <paramref name="usedAtBasis"/> is usage at <see cref="BasisInstant"/>; it is taken as 0
    /// when that instant lies before <paramref name="start"/>.
    /// </summary>
    public static ForecastProjection Project(DateTimeOffset asOf, DateTimeOffset start, decimal used, decimal usedAtBasis, decimal limit,
        decimal hardLimit, DateOnly? endDate)
    {
        var basisDays = BasisDays(asOf, start);
        if (BasisInstant(asOf, basisDays) < start) usedAtBasis = 0m;
        var change = used - usedAtBasis;
        var today = Today(asOf);

        var daysToFull = DaysToReach(used, change, basisDays, limit);
        var daysToHard = DaysToReach(used, change, basisDays, hardLimit);
        DateOnly? hardAt = daysToHard is { } h ? today.AddDays(h) : null;
        bool? runsOut = endDate is { } end ? hardAt is { } at && at < end : null;

        return new ForecastProjection(
            basisDays,
            Math.Round(change / basisDays, BurnRateDecimals, MidpointRounding.AwayFromZero),
            daysToFull is { } f ? today.AddDays(f) : null,
            hardAt,
            endDate is { } e ? UtilizationAtEnd(used, change, basisDays, limit, hardLimit, Math.Max(0, e.DayNumber - today.DayNumber)) : null,
            runsOut)
        {
            DaysToFull = daysToFull,
            DaysToHardLimit = daysToHard,
        };
    }

    /// <summary>
    /// The smallest whole number of days d with used + rate x d &gt;= target, rate = change / basisDays: 0 when already
    /// there, null when the rate is 0 or negative. Solved as ceil((target - used) x basisDays / change), exact in decimal.
    /// </summary>
    public static int? DaysToReach(decimal used, decimal change, int basisDays, decimal target)
    {
        if (used >= target) return 0;
        if (change <= 0) return null;
        var days = decimal.Ceiling((target - used) * basisDays / change);
        // Past any date the calendar holds, the pool never gets there in practice.
        return days > 36_500 ? null : (int)days;
    }

    /// <summary>
    /// (used + rate x days) / limit, between 0 and the hard limit's ratio (the contract's cap, also when usage already stands above it), rounded half away from zero to 4 places;
    /// null without a limit (a ratio to 0 says nothing).
    /// </summary>
    public static decimal? UtilizationAtEnd(decimal used, decimal change, int basisDays, decimal limit, decimal hardLimit, int daysToEnd)
    {
        if (limit <= 0) return null;
        var projected = (used * basisDays + change * daysToEnd) / (limit * basisDays);
        return Math.Round(Math.Clamp(projected, 0m, hardLimit / limit), 4, MidpointRounding.AwayFromZero);
    }
}
