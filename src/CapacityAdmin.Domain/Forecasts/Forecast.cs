using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>A pool the forecasts are asked for: a campaign (its governing figure) or a bundle.</summary>
public readonly record struct PoolRef(PoolType PoolType, Guid PoolId)
{
    public static PoolRef Campaign(Guid id) => new(PoolType.Campaign, id);

    public static PoolRef Bundle(Guid id) => new(PoolType.Bundle, id);
}

/// <summary>
/// Where one pool is heading (api-v1.md "Forecast"), in the pool's unit: places, or credits with 2 decimals.
/// Beyond the contract: the pool's name, company and measure, the live <see cref="Utilization"/> (the gauges'
/// figure, used / limit as a ratio rounded to 4 places) and the whole days to full and to the hard limit.
/// </summary>
public sealed record Forecast(
    PoolType PoolType,
    Guid PoolId,
    Guid CompanyId,
    string PoolName,
    PoolMeasure Measure,
    DateTimeOffset AsOf,
    decimal Used,
    decimal Limit,
    decimal HardLimit,
    decimal Utilization,
    decimal BurnRatePerDay,
    int BasisDays,
    DateOnly? ProjectedFullAt,
    DateOnly? ProjectedHardLimitAt,
    DateOnly? EndDate,
    decimal? ProjectedUtilizationAtEnd,
    bool? RunsOutBeforeEnd,
    long RefusedLast30Days,
    int? DaysToFull,
    int? DaysToHardLimit)
{
    public PoolRef Pool => new(PoolType, PoolId);

    /// <summary>Whole days from the projected hard-limit date to the end date (positive: runs out that many days early).</summary>
    public int? DaysBeforeEnd => ProjectedHardLimitAt is { } at && EndDate is { } end ? end.DayNumber - at.DayNumber : null;
}

/// <summary>One UTC day of a pool: usage, limit and hard limit as they stood at the end of the day (now, for today), and the refusals of that day.</summary>
public sealed record UsagePoint(DateOnly Date, decimal Used, decimal Limit, decimal HardLimit, long Refused);

/// <summary>A pool's usage history, one point per day, oldest first, today included when in range.</summary>
public sealed record UsageHistory(PoolType PoolType, Guid PoolId, PoolMeasure Measure, IReadOnlyList<UsagePoint> Points);
