using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Web.Tests.Components.Forecasts;

/// <summary>Forecasts built through the real <see cref="ForecastPolicy"/>, so the components are shown the domain's figures.</summary>
internal static class ForecastSamples
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 12, 6);

    /// <summary>
    /// Seats, started 4 days ago, <paramref name="used"/> of 100 (hard limit 110), all used since the start:
    /// with 20 used that is 5 a day, full in 16 days (22 Dec), hard limit in 18 days (24 Dec).
    /// </summary>
    public static Forecast Seats(decimal used = 20m, decimal usedAtBasis = 0m, DateOnly? end = null, long refused = 40)
    {
        var start = AsOf.AddDays(-4);
        var p = ForecastPolicy.Project(AsOf, start, used, usedAtBasis, 100m, 110m, end);
        return new Forecast(PoolType.Campaign, Guid.NewGuid(), Guid.NewGuid(), "River Clean-up", PoolMeasure.Seats, AsOf, used, 100m, 110m,
            used / 100m, p.BurnRatePerDay, p.BasisDays, p.ProjectedFullAt, p.ProjectedHardLimitAt, end, p.ProjectedUtilizationAtEnd,
            p.RunsOutBeforeEnd, refused, p.DaysToFull, p.DaysToHardLimit);
    }

    /// <summary>2 to 6 Dec: used 0, 5, 10, 15, 20; the limit raised from 80 (hard 88) to 100 (hard 110) on 4 Dec; 3 refused on 3 Dec.</summary>
    public static UsageHistory History(Forecast f) => new(PoolType.Campaign, f.PoolId, PoolMeasure.Seats,
    [
        new UsagePoint(new DateOnly(2026, 12, 2), 0m, 80m, 88m, 0),
        new UsagePoint(new DateOnly(2026, 12, 3), 5m, 80m, 88m, 3),
        new UsagePoint(new DateOnly(2026, 12, 4), 10m, 100m, 110m, 0),
        new UsagePoint(new DateOnly(2026, 12, 5), 15m, 100m, 110m, 0),
        new UsagePoint(new DateOnly(2026, 12, 6), 20m, 100m, 110m, 0),
    ]);
}
