using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Tests.Alerts;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>
/// The early-warning <c>forecast</c> alert of the threshold scan: at most one per pool per window (a database-enforced
/// window, as the bands), also with two scanners at once. The same bodies run on SQLite and PostgreSQL.
/// </summary>
public abstract class ForecastAlertTests(TestDatabase database) : AlertTest(database)
{
    protected static readonly DateOnly Day0 = new(2026, 3, 1);

    /// <summary>
    /// A seats campaign (10 % overage) that started 4 days before the test clock's 1 March, ending on <paramref name="end"/>:
    /// usage put in place today is 4 days of consumption (the forecast alert waits for 3 days of history).
    /// </summary>
    protected async Task<Guid> CampaignAsync(Guid company, int seats, DateOnly? end)
    {
        var request = new CreateCampaignRequest(company, $"Forecast {Guid.NewGuid():N}", PricingModel.Seats, 10, 10, CommittedSeats: seats,
            StartDate: Day0.AddDays(-4), EndDate: end);
        return Ok(await CampaignService.CreateAsync(Admin, request)).CampaignId;
    }

    [Fact]
    public async Task Scan_TwoScannersAtOnceThenAgainInsideWindow_OneForecastAlert()
    {
        // Arrange: 20 of 100 in 4 days: 5 a day, hard limit 110 in 18 days (19 March), long before the end (29 June).
        var company = await NewCompanyAsync();
        var sales = await AddUserAsync(Roles.Sales);
        var companyAdmin = await AddUserAsync(Roles.CompanyAdmin, company);
        var campaign = await CampaignAsync(company, 100, Day0.AddDays(120));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SetVolunteersAsync(campaign, 20);

        // Act: two scanners at once, then another scan six days later, still inside the 7-day window.
        await RaceAsync(2, _ => Scanner.ScanAsync());
        Clock.Advance(TimeSpan.FromDays(6));
        await Scanner.ScanAsync();

        // Assert
        var alert = Assert.Single(await AlertsOfPoolAsync(campaign));
        Assert.Equal(AlertKind.Forecast, alert.Kind);
        Assert.Equal("forecast", alert.Threshold);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(AlertRecipients.Sales | AlertRecipients.CompanyAdmin, alert.Recipients);
        Assert.Contains(alert.Deliveries, d => d.Address == sales);
        Assert.Contains(alert.Deliveries, d => d.Address == companyAdmin);
        Assert.Contains("At the current pace (5 volunteer places a day)", alert.Message);
        Assert.Contains("reaches its hard limit (110 volunteer places) on 19 Mar, 102 days before it ends (29 Jun)", alert.Message);
    }

    [Fact]
    public async Task Scan_AfterTheWindowStillProjectedToRunOut_SecondForecastAlert()
    {
        var company = await NewCompanyAsync();
        var campaign = await CampaignAsync(company, 100, Day0.AddDays(120));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SetVolunteersAsync(campaign, 20);
        Assert.True((await Scanner.ScanAsync()).ForecastAlertsRaised >= 1);

        // A week and an hour later, 10 more: 30 in 11 days, hard limit in ceil(80 x 11 / 30) = 30 days (7 April), before 29 June.
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await SetVolunteersAsync(campaign, 10);
        await Scanner.ScanAsync();

        var alerts = await AlertsOfPoolAsync(campaign);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertKind.Forecast, a.Kind));
        Assert.Contains("on 7 Apr, 83 days before it ends (29 Jun)", alerts[1].Message);
    }
}

public sealed class SqliteForecastAlertTests() : ForecastAlertTests(new SqliteTestDatabase())
{
    [Fact]
    public async Task Scan_NoEndDate_WarnsWithinFourteenDaysOnly()
    {
        // 10 used in 4 days: 2.5 a day. 20 seats: hard 22 in ceil(12 / 2.5) = 5 days (warned). 100 seats: hard 110 in 40 days
        // (not yet). At the hard limit already: the hard-limit band covers it. Created today with 9 of 10: the rate rests on
        // less than the 3 days the alert waits for.
        var company = await NewCompanyAsync();
        var soon = await CampaignAsync(company, 20, null);
        var later = await CampaignAsync(company, 100, null);
        var full = await CampaignAsync(company, 10, null);
        var young = (await NewCampaignAsync(company, seats: 10)).CampaignId;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SetVolunteersAsync(soon, 10);
        await SetVolunteersAsync(later, 10);
        await SetVolunteersAsync(full, 11);
        await SetVolunteersAsync(young, 9);

        var result = await Scanner.ScanAsync();

        Assert.Equal(1, result.ForecastAlertsRaised);
        Assert.Contains("on 6 Mar, in 5 days", Assert.Single(await AlertsOfPoolAsync(soon)).Message);
        Assert.Empty(await AlertsOfPoolAsync(later));
        Assert.DoesNotContain(await AlertsOfPoolAsync(full), a => a.Kind == AlertKind.Forecast);
        Assert.DoesNotContain(await AlertsOfPoolAsync(young), a => a.Kind == AlertKind.Forecast);
        Assert.Equal(Day0.AddDays(1), Ok(await new CapacityAdmin.Domain.Forecasts.ForecastService(Database, Clock)
            .GetCampaignForecastAsync(Admin, young)).ProjectedHardLimitAt); // the forecast still shows the young rate
    }

    [Fact]
    public async Task Snooze_ForecastAlert_SilencesItsWindow()
    {
        // 10 of 40 (hard 44) in 4 days: hard limit in ceil(34 / 2.5) = 14 days: warned.
        var company = await NewCompanyAsync();
        var soon = await CampaignAsync(company, 40, null);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SetVolunteersAsync(soon, 10);
        await Scanner.ScanAsync();
        var alert = Assert.Single(await AlertsOfPoolAsync(soon));

        Ok(await AlertService.SnoozeAsync(Cs, alert.Id, Clock.GetUtcNow().AddDays(20), "talking to them"));
        // Eight days on (past the 7-day window), 20 more: 30 in 12 days, hard limit in 6 days: due again, but snoozed.
        Clock.Advance(TimeSpan.FromDays(8));
        await SetVolunteersAsync(soon, 20);
        await Scanner.ScanAsync();

        Assert.Single(await AlertsOfPoolAsync(soon), a => a.Kind == AlertKind.Forecast);
    }
}

[Trait("Category", "Postgres")]
public sealed class PostgresForecastAlertTests(PostgresDatabaseFixture fixture)
    : ForecastAlertTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
