using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>
/// Several servers at once: the repeat window and the delivery claims are decided by the database.
/// Each racer is its own service instance on its own context and connection; the same bodies run on
/// SQLite and PostgreSQL.
/// </summary>
public abstract class AlertConcurrencyTests(TestDatabase database) : AlertTest(database)
{
    [Fact]
    public async Task Scan_TwoScannersAtOnce_OneAlertPerPool()
    {
        // Arrange: five campaigns in five states, none alerted yet (usage put in place without evaluation).
        var company = await NewCompanyAsync();
        var campaigns = new List<(Guid Id, string? Threshold)>();
        foreach (var (enrolled, threshold) in new[] { (7, (string?)null), (8, "80%"), (9, "90%"), (10, "100%"), (11, "110%") })
            campaigns.Add((await SeatsCampaignAsync(company, enrolled: enrolled), threshold));

        // Act: two scanners start together.
        var scans = await RaceAsync(2, _ => Scanner.ScanAsync());

        // Assert: exactly one alert per pool that reached a band, whichever scanner raised it.
        foreach (var (id, threshold) in campaigns)
        {
            var alerts = await AlertsOfPoolAsync(id);
            if (threshold is null) Assert.Empty(alerts);
            else Assert.Equal(threshold, Assert.Single(alerts).Threshold);
        }
        Assert.True(scans.Sum(s => s.AlertsRaised) >= 4); // on PostgreSQL other tests' pools may be scanned too
    }

    [Fact]
    public async Task Evaluate_ManyEvaluatorsOfOnePoolAtOnce_OneAlert()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var pool = new AlertPool(Common.PoolType.Campaign, Guid.NewGuid(), company, "Busy pool", PoolMeasure.Volunteers, 95, 100, 110);

        // Act: ten servers evaluate the same pool in the same instant.
        var raised = await RaceAsync(10, _ => AlertEvaluator.EvaluateAsync([pool]));

        // Assert
        Assert.Equal(1, raised.Sum(r => r.Count));
        Assert.Equal("90%", Assert.Single(await AlertsOfPoolAsync(pool.PoolId)).Threshold);
    }

    [Fact]
    public async Task Evaluate_EvaluatorsAllPastTheWindowRead_DatabaseStillRaisesOne()
    {
        // Arrange: every evaluator reads the window (not there yet) before any of them writes, so the
        // cheap pre-check lets all of them through and only the conditional UPDATE decides.
        const int racers = 6;
        var company = await NewCompanyAsync();
        var pool = new AlertPool(Common.PoolType.Campaign, Guid.NewGuid(), company, "Stale reads", PoolMeasure.Volunteers, 100, 100, 110);
        var barrier = new ReadBarrier("AlertWindows", racers);
        var factory = barrier.Over(Database);

        // Act
        var raised = await RaceAsync(racers, _ =>
            new AlertEvaluator(factory, Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
                new MembershipReportService(factory, Clock, Options.Create(new MembershipOptions()))).EvaluateAsync([pool]));

        // Assert
        Assert.Equal(1, raised.Sum(r => r.Count));
        Assert.Equal("100%", Assert.Single(await AlertsOfPoolAsync(pool.PoolId)).Threshold);
    }

    [Fact]
    public async Task Enroll_RacersForTheLastPlaces_EachBandAlertsAtMostOnce()
    {
        // Arrange: 10 seats (hard 11) with 8 used; 20 racers for the last 3 places.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 8);

        // Act
        var results = await RaceAsync(20, i => Enrollments.EnrollVolunteerAsync(Integration, campaign, $"racer-{i}"));

        // Assert: the alerts returned are exactly the alerts stored, at most one per band; the last state (11 of 10) was alerted.
        var values = results.Select(Ok).ToList();
        Assert.Equal(3, values.Count(r => r.Allowed));
        var stored = await AlertsOfPoolAsync(campaign);
        Assert.Equal(stored.Select(a => a.Id).Order(), values.SelectMany(r => r.Alerts).Select(a => a.Id).Order());
        Assert.Equal(stored.Count, stored.Select(a => a.Threshold).Distinct().Count());
        Assert.Contains(stored, a => a.Threshold == "110%");
    }

    [Fact]
    public async Task Dispatch_DispatchersAtOnce_NoDeliverySentTwice()
    {
        // Arrange: 15 alerts x 3 Sales addresses = 45 pending deliveries.
        AlertOptions.SalesMailbox = $"sales-{Guid.NewGuid():N}@example.test";
        await AddUserAsync(Roles.Sales);
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alerts = await RaiseInfoAlertsAsync(company, 15);
        var ids = alerts.Select(a => a.Id).ToList();
        var mine = (await DeliveriesAsync(ids)).Select(d => d.Id).ToHashSet();
        Assert.Equal(45, mine.Count);
        var sender = new TestAlertSender();

        // Act: three dispatchers read the same due deliveries before any claims one, then drain the outbox together.
        var barrier = new ReadBarrier("AlertDeliveries", 3);
        var factory = barrier.Over(Database);
        var runs = await RaceAsync(3, i => new AlertDispatchService(factory, sender, Clock, Options.Create(AlertOptions),
            NullLogger<AlertDispatchService>.Instance).DispatchPendingAsync($"node-{i}", 500));

        // Assert
        var sentToMe = sender.SendsPerDelivery.Where(kv => mine.Contains(kv.Key)).ToList();
        Assert.Equal(45, sentToMe.Count);
        Assert.All(sentToMe, kv => Assert.Equal(1, kv.Value));
        var deliveries = await DeliveriesAsync(ids);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(DeliveryState.Sent, d.State);
            Assert.Single(d.AttemptHistory);
        });
        Assert.True(runs.Sum(r => r.Sent) >= 45);
    }
}

public sealed class SqliteAlertConcurrencyTests() : AlertConcurrencyTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresAlertConcurrencyTests(PostgresDatabaseFixture fixture)
    : AlertConcurrencyTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
