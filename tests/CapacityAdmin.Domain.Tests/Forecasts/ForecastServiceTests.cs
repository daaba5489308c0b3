using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>History and forecasts derived from real rows on SQLite, with the test clock moving day by day.</summary>
public sealed class ForecastServiceTests : SqliteTest
{
    private ForecastService Forecasts => new(Database, Clock);

    private static readonly DateOnly Day0 = new(2026, 3, 1); // the test clock starts on 1 March 09:00 UTC

    [Fact]
    public async Task CampaignHistory_EnrollmentsReleasesCapacityChangeAndRefusal_OnePointPerDay()
    {
        // Day 0: 10 seats, 3 enrolled. Day 1: 2 more, 1 released. Day 2: seats 10 -> 20, 4 more.
        // Day 3 (today): seats 20 -> 8 (hard 8), one refused enrollment.
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company, seats: 10)).CampaignId;
        await EnrollVolunteersAsync(campaign, 3, "d0");
        Clock.Advance(TimeSpan.FromDays(1));
        await EnrollVolunteersAsync(campaign, 2, "d1");
        Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign, "d0-0"));
        Clock.Advance(TimeSpan.FromDays(1));
        Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign, new CampaignLimitChange(CommittedSeats: 20, Reason: "grew")));
        await EnrollVolunteersAsync(campaign, 4, "d2");
        Clock.Advance(TimeSpan.FromDays(1));
        Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign, new CampaignLimitChange(CommittedSeats: 8, Reason: "cut")));
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign, "late"), ErrorCodes.CapacityExceeded);

        // Act: from the day before creation to today.
        var history = Ok(await Forecasts.GetCampaignHistoryAsync(Admin, campaign, Day0.AddDays(-1), Day0.AddDays(3)));

        // Assert
        Assert.Equal(PoolType.Campaign, history.PoolType);
        Assert.Equal(PoolMeasure.Volunteers, history.Measure);
        Assert.Equal(
            [
                new UsagePoint(Day0.AddDays(-1), 0m, 10m, 11m, 0),
                new UsagePoint(Day0, 3m, 10m, 11m, 0),
                new UsagePoint(Day0.AddDays(1), 4m, 10m, 11m, 0),
                new UsagePoint(Day0.AddDays(2), 8m, 20m, 22m, 0),
                new UsagePoint(Day0.AddDays(3), 8m, 8m, 8m, 1),
            ],
            history.Points);
    }

    [Fact]
    public async Task CampaignHistory_CreditsWithRefunds_TwoDecimalPoints()
    {
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company, PricingModel.Credits, credits: 100m)).CampaignId;
        Ok(await CreditService.ConsumeAsync(Admin, campaign, new CreditConsumption(30.50m)));
        Clock.Advance(TimeSpan.FromDays(1));
        Ok(await CreditService.RefundAsync(Admin, campaign, new CreditRefund(10.25m, "returned")));
        Clock.Advance(TimeSpan.FromDays(1));
        Ok(await CreditService.ConsumeAsync(Admin, campaign, new CreditConsumption(5m)));
        Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign, new CampaignLimitChange(CreditAllocation: 150.50m, Reason: "top-up")));

        var history = Ok(await Forecasts.GetCampaignHistoryAsync(Admin, campaign, Day0, null));

        Assert.Equal(PoolMeasure.Credits, history.Measure);
        Assert.Equal([30.50m, 20.25m, 25.25m], history.Points.Select(p => p.Used));
        Assert.Equal([100m, 100m, 150.50m], history.Points.Select(p => p.Limit));
        Assert.Equal([110m, 110m, 165.55m], history.Points.Select(p => p.HardLimit));
    }

    [Fact]
    public async Task CampaignHistory_Default_LastNinetyDaysOldestFirstTodayIncluded()
    {
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company)).CampaignId;

        var points = Ok(await Forecasts.GetCampaignHistoryAsync(Admin, campaign)).Points;

        Assert.Equal(90, points.Count);
        Assert.Equal(Day0.AddDays(-89), points[0].Date);
        Assert.Equal(Day0, points[^1].Date);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-02-01")] // from after to
    [InlineData("2025-01-01", "2026-03-01")] // more than 366 days
    [InlineData("2026-03-05", null)] // from in the future
    public async Task CampaignHistory_BadRange_ValidationFailed(string from, string? to)
    {
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company)).CampaignId;

        Fails(await Forecasts.GetCampaignHistoryAsync(Admin, campaign, DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to)),
            ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task CampaignForecast_FourDaysTwentyOfHundred_FivePerDayFullInSixteenDays()
    {
        // Arrange: created on day 0 (no start date), 5 enrollments a day on days 0 to 3, refused demand on day 2.
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company, seats: 100)).CampaignId;
        for (var day = 0; day < 4; day++)
        {
            Clock.Advance(TimeSpan.FromHours(1));
            await EnrollVolunteersAsync(campaign, 5, $"d{day}");
            Clock.Advance(TimeSpan.FromHours(23));
        }

        // Act: day 4, 09:00.
        var forecast = Ok(await Forecasts.GetCampaignForecastAsync(Admin, campaign));

        // Assert
        Assert.Equal(20m, forecast.Used);
        Assert.Equal(100m, forecast.Limit);
        Assert.Equal(110m, forecast.HardLimit);
        Assert.Equal(4, forecast.BasisDays);
        Assert.Equal(5m, forecast.BurnRatePerDay);
        Assert.Equal(Day0.AddDays(4 + 16), forecast.ProjectedFullAt);
        Assert.Equal(Day0.AddDays(4 + 18), forecast.ProjectedHardLimitAt);
        Assert.Equal(0.2m, forecast.Utilization);
        Assert.Null(forecast.EndDate);
        Assert.Null(forecast.RunsOutBeforeEnd);
    }

    [Fact]
    public async Task CampaignForecast_LongRunningWithReleases_UsesLastFourteenDaysAndCountsRefusals()
    {
        // Arrange: 60 enrolled 30 days ago; in the last 14 days 10 more and 3 released: +7 over 14 days = 0.5 per day.
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company, seats: 70, overage: 0m)).CampaignId;
        Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign, Enumerable.Range(0, 60).Select(i => (string?)$"old-{i}").ToList()));
        Clock.Advance(TimeSpan.FromDays(20));
        await EnrollVolunteersAsync(campaign, 10, "new");
        for (var i = 0; i < 3; i++) Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign, $"old-{i}"));
        Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign, Enumerable.Range(0, 5).Select(i => (string?)$"fill-{i}").ToList()));
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign, "no-room"), ErrorCodes.CapacityExceeded);
        Clock.Advance(TimeSpan.FromDays(10));

        var forecast = Ok(await Forecasts.GetCampaignForecastAsync(Admin, campaign));

        // 60 + 10 - 3 + 3 of the 5 fill-ups (70, hard 70): 70 used; +10 net in the last 14 days.
        Assert.Equal(70m, forecast.Used);
        Assert.Equal(14, forecast.BasisDays);
        Assert.Equal(Math.Round(10m / 14m, 4), forecast.BurnRatePerDay);
        Assert.Equal(Day0.AddDays(30), forecast.ProjectedHardLimitAt); // already there: today
        Assert.Equal(3, forecast.RefusedLast30Days); // 2 bulk items and 1 single call
    }

    [Fact]
    public async Task BundleForecastAndHistory_CampaignUsageAndCapacityStep()
    {
        var company = await NewCompanyAsync();
        var bundle = (await NewBundleAsync(company, 10)).BundleId;
        var a = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle, share: 0.5m)).CampaignId;
        var b = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle, share: 0.5m)).CampaignId;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await EnrollVolunteersAsync(a, 2, "a0");
        Clock.Advance(TimeSpan.FromDays(1));
        await EnrollVolunteersAsync(b, 2, "b1");
        Ok(await BundleService.ChangeAsync(Cs, bundle, new BundleChange(Capacity: 20, Reason: "bought more")));

        var history = Ok(await Forecasts.GetBundleHistoryAsync(Admin, bundle, Day0, null));
        var forecast = Ok(await Forecasts.GetBundleForecastAsync(Admin, bundle));
        var campaignHistory = Ok(await Forecasts.GetCampaignHistoryAsync(Admin, a, Day0, null));

        Assert.Equal([new UsagePoint(Day0, 2m, 10m, 10m, 0), new UsagePoint(Day0.AddDays(1), 4m, 20m, 20m, 0)], history.Points);
        Assert.Equal(PoolType.Bundle, forecast.PoolType);
        Assert.Equal(4m, forecast.Used);
        Assert.Equal(1, forecast.BasisDays);
        Assert.Equal(2m, forecast.BurnRatePerDay); // 2 of the 4 were enrolled in the last 24 h
        Assert.Equal(Day0.AddDays(1 + 8), forecast.ProjectedFullAt);
        // The bundle campaign's quota follows the bundle's capacity: floor(10 x 0.5) = 5, then 10.
        Assert.Equal([5m, 10m], campaignHistory.Points.Select(p => p.Limit));
    }

    [Fact]
    public async Task Forecasts_OtherCompanysAdmin_NotFoundAndLeftOut()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company)).CampaignId;
        var bundle = (await NewBundleAsync(company, 5)).BundleId;
        var outsider = CompanyAdminOf(other);

        Fails(await Forecasts.GetCampaignForecastAsync(outsider, campaign), ErrorCodes.CampaignNotFound);
        Fails(await Forecasts.GetCampaignHistoryAsync(outsider, campaign), ErrorCodes.CampaignNotFound);
        Fails(await Forecasts.GetBundleForecastAsync(outsider, bundle), ErrorCodes.BundleNotFound);
        Fails(await Forecasts.GetBundleHistoryAsync(outsider, bundle), ErrorCodes.BundleNotFound);
        Assert.Empty(await Forecasts.GetForecastsAsync(outsider, [PoolRef.Campaign(campaign), PoolRef.Bundle(bundle)]));
        Assert.Empty(await Forecasts.ListForecastsAsync(outsider));
        Assert.Equal(2, (await Forecasts.GetForecastsAsync(CompanyAdminOf(company), [PoolRef.Campaign(campaign), PoolRef.Bundle(bundle)])).Count);
        Assert.Equal(2, (await Forecasts.ListForecastsAsync(CompanyAdminOf(company))).Count);
    }

    [Fact]
    public async Task ListForecasts_UpsellOrder_RunsOutFirstThenEarliestThenUtilization()
    {
        var company = await NewCompanyAsync();
        var end = Day0.AddDays(30);
        var slowButEnding = await DatedCampaignAsync(company, seats: 100, end: Day0.AddDays(3));
        var fast = await DatedCampaignAsync(company, seats: 100, end: end);
        var quietHigh = await DatedCampaignAsync(company, seats: 10, end: null);
        var quietLow = await DatedCampaignAsync(company, seats: 20, end: null);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await EnrollVolunteersAsync(fast, 50, "f");
        await EnrollVolunteersAsync(slowButEnding, 60, "s");
        await EnrollVolunteersAsync(quietHigh, 1, "h");
        await EnrollVolunteersAsync(quietLow, 1, "l");

        var list = await Forecasts.ListForecastsAsync(Admin, company);

        // Started today, so each burns its usage per day. slowButEnding: 60/day, hard 110 in 1 day, before its end (day 3);
        // fast: 50/day, hard 110 in 2 days, before day 30. Both run out, the earlier date first. Without an end date:
        // quietHigh (1 of 10, hard 11 in 10 days) before quietLow (1 of 20, hard 22 in 21 days).
        Assert.Equal([slowButEnding, fast, quietHigh, quietLow], list.Select(f => f.PoolId));
        Assert.Equal([true, true, null, null], list.Select(f => f.RunsOutBeforeEnd));
        Assert.Equal(Day0.AddDays(1), list[0].ProjectedHardLimitAt);
    }

    private async Task<Guid> DatedCampaignAsync(Guid company, int seats, DateOnly? end)
    {
        var request = new CreateCampaignRequest(company, $"Dated {Guid.NewGuid():N}", PricingModel.Seats, 10, 10, CommittedSeats: seats,
            StartDate: Day0, EndDate: end);
        return Ok(await CampaignService.CreateAsync(Admin, request)).CampaignId;
    }
}
