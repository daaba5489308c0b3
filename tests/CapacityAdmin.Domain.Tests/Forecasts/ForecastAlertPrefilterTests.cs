using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>
/// The scan forecasts only the pools <see cref="ForecastAlertPolicy.MayRaise(DateTimeOffset, DateTimeOffset, long, long, DateOnly?, int)"/>
/// keeps; it must never drop one that <see cref="ForecastAlertPolicy.ShouldRaise"/> would alert, whatever the burn rate.
/// </summary>
public class ForecastAlertPrefilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 9);

    [Fact]
    public void MayRaise_EveryPoolTheAlertWouldSelect_IsKept()
    {
        var selected = 0;
        foreach (var startDaysAgo in new[] { 0, 1, 2, 3, 5, 14, 40 })
        foreach (var (used, hard) in new (long, long)[] { (0, 10), (5, 10), (9, 10), (10, 10), (12, 10), (0, 0), (3, 0), (99, 110) })
        foreach (var usedAtBasis in new long[] { -5, 0, 1, 4, 9 })
        foreach (DateOnly? end in new DateOnly?[] { null, Today.AddDays(-3), Today, Today.AddDays(1), Today.AddDays(2), Today.AddDays(3), Today.AddDays(30), Today.AddDays(400) })
        foreach (var minBasis in new[] { 1, 3, 14 })
        foreach (var horizon in new[] { 1, 14, 366 })
        {
            var start = new DateTimeOffset(Today.AddDays(-startDaysAgo).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var forecast = Forecast(start, used, usedAtBasis, hard, end);
            if (!ForecastAlertPolicy.ShouldRaise(forecast, horizon, minBasis)) continue;
            selected++;
            Assert.True(ForecastAlertPolicy.MayRaise(Now, start, used, hard, end, minBasis),
                $"dropped: start -{startDaysAgo} d, used {used}, at basis {usedAtBasis}, hard {hard}, end {end}, min basis {minBasis}");
        }
        Assert.True(selected > 100, $"the grid selects too few pools ({selected}) to mean anything");
    }

    [Theory]
    [InlineData(10, 10, 30, 3, 10)] // at the hard limit
    [InlineData(5, 10, 1, 3, 10)] // ends tomorrow: a projected date is tomorrow at the earliest
    [InlineData(5, 10, 30, 3, 2)] // two days of history, three wanted
    public void MayRaise_PoolThatCannotBeDue_IsSkipped(long used, long hard, int endInDays, int minBasis, int startDaysAgo)
    {
        var start = new DateTimeOffset(Today.AddDays(-startDaysAgo).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        Assert.False(ForecastAlertPolicy.MayRaise(Now, start, used, hard, Today.AddDays(endInDays), minBasis));
    }

    private static Forecast Forecast(DateTimeOffset start, long used, long usedAtBasis, long hard, DateOnly? end)
    {
        var limit = hard == 0 ? 0 : hard * 10 / 11;
        var p = ForecastPolicy.Project(Now, start, used, usedAtBasis, limit, hard, end);
        return new Forecast(PoolType.Campaign, Guid.NewGuid(), Guid.NewGuid(), "pool", PoolMeasure.Volunteers, Now, used, limit, hard, 0m,
            p.BurnRatePerDay, p.BasisDays, p.ProjectedFullAt, p.ProjectedHardLimitAt, end, p.ProjectedUtilizationAtEnd, p.RunsOutBeforeEnd, 0,
            p.DaysToFull, p.DaysToHardLimit);
    }
}
