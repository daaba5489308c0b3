using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>The forecast arithmetic of the contract, without a database, on exact decimals.</summary>
public class ForecastPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 9);

    private static DateTimeOffset DaysAgo(int days) => new DateTimeOffset(Today.AddDays(-days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [Fact]
    public void Project_StartedFourDaysAgoTwentyOfHundredUsed_FivePerDayFullInSixteenDays()
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(4), used: 20m, usedAtBasis: 0m, limit: 100m, hardLimit: 110m, endDate: null);

        Assert.Equal(4, p.BasisDays);
        Assert.Equal(5m, p.BurnRatePerDay);
        Assert.Equal(16, p.DaysToFull);
        Assert.Equal(Today.AddDays(16), p.ProjectedFullAt);
        Assert.Equal(18, p.DaysToHardLimit); // 20 + 5 x 18 = 110
        Assert.Equal(Today.AddDays(18), p.ProjectedHardLimitAt);
        Assert.Null(p.ProjectedUtilizationAtEnd);
        Assert.Null(p.RunsOutBeforeEnd);
    }

    [Fact]
    public void Project_LongRunningCampaign_UsesFourteenDaysOfChange()
    {
        // 300 days old: basis 14; usage went from 30 to 100 in those 14 days: 5 per day.
        var p = ForecastPolicy.Project(Now, DaysAgo(300), used: 100m, usedAtBasis: 30m, limit: 200m, hardLimit: 220m, endDate: Today.AddDays(30));

        Assert.Equal(14, p.BasisDays);
        Assert.Equal(5m, p.BurnRatePerDay);
        Assert.Equal(Today.AddDays(20), p.ProjectedFullAt);
        Assert.Equal(Today.AddDays(24), p.ProjectedHardLimitAt);
        Assert.True(p.RunsOutBeforeEnd);
        Assert.Equal(1.1m, p.ProjectedUtilizationAtEnd); // 100 + 150 = 250 of 200 = 1.25, capped at 220 / 200
    }

    [Fact]
    public void Project_CreditsWithTwoDecimals_ExactRateAndDates()
    {
        // 4 days: 12.34 -> 37.02 credits, i.e. 24.68 / 4 = 6.17 per day; 62.98 left to 100.00.
        var p = ForecastPolicy.Project(Now, DaysAgo(4), used: 37.02m, usedAtBasis: 12.34m, limit: 100.00m, hardLimit: 110.00m,
            endDate: Today.AddDays(10));

        // The basis instant (4 x 24 h before 15:30) lies after the start (00:00 four days ago): usage then counts.
        Assert.Equal(6.17m, p.BurnRatePerDay);
        Assert.Equal(Today.AddDays(11), p.ProjectedFullAt); // 62.98 / 6.17 = 10.2 -> 11 days
        Assert.Equal(Today.AddDays(12), p.ProjectedHardLimitAt); // 72.98 / 6.17 = 11.8 -> 12 days
        Assert.False(p.RunsOutBeforeEnd);
        Assert.Equal(0.9872m, p.ProjectedUtilizationAtEnd); // (37.02 + 61.70) / 100
    }

    [Fact]
    public void Project_RepeatingRate_PublishedRoundedButDatesExact()
    {
        // 1 place in 3 days: 0.3333 published; 2 more places need exactly 6 days, not 7.
        var p = ForecastPolicy.Project(Now, DaysAgo(3), used: 1m, usedAtBasis: 0m, limit: 3m, hardLimit: 3m, endDate: null);

        Assert.Equal(0.3333m, p.BurnRatePerDay);
        Assert.Equal(Today.AddDays(6), p.ProjectedFullAt);
    }

    [Fact]
    public void Project_NoStartDate_CountsFromCreation()
    {
        var createdAt = ForecastPolicy.Start(null, new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero));

        var p = ForecastPolicy.Project(Now, createdAt, used: 10m, usedAtBasis: 4m, limit: 50m, hardLimit: 55m, endDate: null);

        // Two UTC days since creation; 2 x 24 h before now lies before creation (18:00): usage then counts as 0.
        Assert.Equal(2, p.BasisDays);
        Assert.Equal(5m, p.BurnRatePerDay);
        Assert.Equal(Today.AddDays(8), p.ProjectedFullAt);
    }

    [Fact]
    public void Project_CreatedToday_BasisOneDay()
    {
        var p = ForecastPolicy.Project(Now, Now.AddHours(-2), used: 3m, usedAtBasis: 0m, limit: 10m, hardLimit: 11m, endDate: null);

        Assert.Equal(1, p.BasisDays);
        Assert.Equal(3m, p.BurnRatePerDay);
        Assert.Equal(Today.AddDays(3), p.ProjectedFullAt); // 3 + 3 x 3 = 12 >= 10 (2 days gives 9)
    }

    [Fact]
    public void Project_StartDateInTheFuture_BasisAtLeastOneDay()
    {
        var p = ForecastPolicy.Project(Now, ForecastPolicy.Start(Today.AddDays(5), Now.AddDays(-10)), used: 2m, usedAtBasis: 0m, limit: 10m,
            hardLimit: 11m, endDate: Today.AddDays(40));

        Assert.Equal(1, p.BasisDays);
        Assert.Equal(2m, p.BurnRatePerDay);
    }

    [Theory]
    [InlineData(40, 40, "0", "0.4")] // nothing moved
    [InlineData(30, 40, "-0.7143", "0.1571")] // releases and refunds: usage fell by 10 in 14 days; 30 - 10/14 x 20 = 15.71 of 100
    public void Project_ZeroOrNegativeBurn_NoProjectedDates(int used, int usedAtBasis, string rate, string atEnd)
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(100), used, usedAtBasis, limit: 100m, hardLimit: 110m, endDate: Today.AddDays(20));

        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), p.BurnRatePerDay);
        Assert.Null(p.ProjectedFullAt);
        Assert.Null(p.ProjectedHardLimitAt);
        Assert.False(p.RunsOutBeforeEnd);
        Assert.Equal(decimal.Parse(atEnd, System.Globalization.CultureInfo.InvariantCulture), p.ProjectedUtilizationAtEnd);
    }

    [Fact]
    public void Project_NegativeBurnPastZero_UtilizationAtEndNotBelowZero()
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(100), used: 1m, usedAtBasis: 15m, limit: 10m, hardLimit: 11m, endDate: Today.AddDays(30));

        Assert.Equal(-1m, p.BurnRatePerDay);
        Assert.Equal(0m, p.ProjectedUtilizationAtEnd);
    }

    [Fact]
    public void Project_AlreadyOverTheLimit_TodayEvenWithoutBurn()
    {
        // A lowered limit: 120 used of 100 (hard 110), nothing consumed lately.
        var p = ForecastPolicy.Project(Now, DaysAgo(100), used: 120m, usedAtBasis: 120m, limit: 100m, hardLimit: 110m, endDate: Today.AddDays(5));

        Assert.Equal(0m, p.BurnRatePerDay);
        Assert.Equal(Today, p.ProjectedFullAt);
        Assert.Equal(Today, p.ProjectedHardLimitAt);
        Assert.Equal(0, p.DaysToFull);
        Assert.True(p.RunsOutBeforeEnd);
        Assert.Equal(1.1m, p.ProjectedUtilizationAtEnd); // capped at the hard limit's ratio
    }

    [Fact]
    public void Project_OverLimitButBelowHardLimit_FullTodayHardLimitProjected()
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(100), used: 104m, usedAtBasis: 90m, limit: 100m, hardLimit: 110m, endDate: null);

        Assert.Equal(1m, p.BurnRatePerDay);
        Assert.Equal(Today, p.ProjectedFullAt);
        Assert.Equal(Today.AddDays(6), p.ProjectedHardLimitAt);
        Assert.Null(p.RunsOutBeforeEnd);
    }

    [Fact]
    public void Project_NoEndDate_NoEndFigures()
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(4), used: 20m, usedAtBasis: 0m, limit: 100m, hardLimit: 110m, endDate: null);

        Assert.Null(p.ProjectedUtilizationAtEnd);
        Assert.Null(p.RunsOutBeforeEnd);
    }

    [Fact]
    public void Project_EndDateInThePast_UtilizationAtEndIsNowAndNotRunningOut()
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(60), used: 50m, usedAtBasis: 36m, limit: 100m, hardLimit: 110m, endDate: Today.AddDays(-3));

        Assert.Equal(1m, p.BurnRatePerDay);
        Assert.Equal(Today.AddDays(60), p.ProjectedHardLimitAt);
        Assert.False(p.RunsOutBeforeEnd);
        Assert.Equal(0.5m, p.ProjectedUtilizationAtEnd);
    }

    [Fact]
    public void Project_HardLimitOnTheEndDate_DoesNotRunOutBeforeEnd()
    {
        // 10 + 10 x 10 = 110 on the end date itself: not before it.
        var p = ForecastPolicy.Project(Now, DaysAgo(1), used: 10m, usedAtBasis: 0m, limit: 100m, hardLimit: 110m, endDate: Today.AddDays(10));

        Assert.Equal(Today.AddDays(10), p.ProjectedHardLimitAt);
        Assert.False(p.RunsOutBeforeEnd);
        Assert.Equal(1.1m, p.ProjectedUtilizationAtEnd);
    }

    [Fact]
    public void Project_ZeroLimit_FullTodayNoRatio()
    {
        var p = ForecastPolicy.Project(Now, DaysAgo(10), used: 0m, usedAtBasis: 0m, limit: 0m, hardLimit: 0m, endDate: Today.AddDays(10));

        Assert.Equal(Today, p.ProjectedHardLimitAt);
        Assert.Null(p.ProjectedUtilizationAtEnd);
    }

    [Fact]
    public void UpsellOrder_RunsOutThenEarliestDateThenUtilization()
    {
        Forecast F(string name, bool? runsOut, int? daysToHard, decimal utilization) =>
            new(CapacityAdmin.Domain.Common.PoolType.Campaign, Guid.NewGuid(), Guid.Empty, name, CapacityAdmin.Domain.Alerts.PoolMeasure.Volunteers, Now, 0m, 10m, 11m, utilization, 0m, 14,
                null, daysToHard is { } d ? Today.AddDays(d) : null, null, null, runsOut, 0, null, daysToHard);
        var items = new[]
        {
            F("no date, high", null, null, 0.95m), F("later", false, 20, 0.5m), F("runs out late", true, 9, 0.1m),
            F("runs out early", true, 3, 0.2m), F("no date, low", false, null, 0.3m), F("same date, higher", null, 20, 0.9m),
        };

        var ordered = items.OrderBy(f => f, ForecastOrder.Upsell).Select(f => f.PoolName);

        Assert.Equal(["runs out early", "runs out late", "same date, higher", "later", "no date, high", "no date, low"], ordered);
    }
}
