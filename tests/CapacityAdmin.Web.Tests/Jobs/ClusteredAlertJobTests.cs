using System.Text.Json;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Email;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CapacityAdmin.Web.Tests.Jobs.AlertJobApi;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary>
/// Two servers, one PostgreSQL database, one Hangfire job store in it: both scan every 2 seconds and dispatch every 2
/// seconds, and each is also made to scan and dispatch by hand at the same moment as the other. The repeat window
/// (claimed in the database) and the delivery claims must still yield one alert and one email per address.
/// Both nodes are hosts in this test process, each with its own Hangfire server registered with the shared store.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ClusteredAlertJobTests
{
    [Fact]
    public async Task TwoClusteredNodes_ScanningAndDispatchingTogether_RaiseOneAlertAndSendOneEmailPerAddress()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var pickup = TestDirectories.Create("capacity-cluster-mail");
        var mailbox = $"sales-{Guid.NewGuid():N}@example.test";
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Jobs:Enabled"] = "true",
            ["Jobs:ThresholdScan:Cron"] = "*/2 * * * * *",
            ["Jobs:AlertDispatch:Cron"] = "1/2 * * * * *",
            ["Email:PickupDirectory"] = pickup,
            ["Alerts:SalesMailbox"] = mailbox,
        };
        try
        {
            await using var nodeA = CapacityAppFactory.Create(settings);
            await nodeA.InitializeAsync(); // migrates and seeds; node B then joins the migrated database
            await using var nodeB = CapacityAppFactory.Create(new Dictionary<string, string?>(settings) { ["Seed:DemoData"] = "false" });
            await nodeB.InitializeAsync();
            await Poll.UntilAsync(async () => await database.ScalarAsync<long>("SELECT count(*) FROM hangfire.server") == 2,
                "both nodes' Hangfire servers to register with the shared job store", TimeSpan.FromSeconds(20));

            var adminKey = (await nodeA.CreateApiKeyAsync(Roles.Administrator)).Secret;
            using var adminA = nodeA.CreateApiClient(adminKey);
            using var adminB = nodeB.CreateApiClient(adminKey);
            using var csA = await nodeA.CreateApiClientAsync(Roles.CustomerSuccess);
            var companyId = await CampaignApi.CreateCompanyAsync(csA);

            // 17 of 100 seats, then cut to 20: 85 %, and nothing raised until a scan sees it.
            var campaignId = await CampaignCutToAsync(csA, companyId, enrolled: 17, seats: 20);
            await Task.WhenAll(RunAsync(adminA, "threshold-scan", ".*"), RunAsync(adminB, "threshold-scan", ".*"));
            await Task.WhenAll(RunAsync(adminA, "alert-dispatch", ".*"), RunAsync(adminB, "alert-dispatch", ".*"));

            JsonElement alert = default;
            await Poll.UntilAsync(async () =>
            {
                var alerts = await CampaignAlertsAsync(adminB, campaignId);
                if (alerts.Count == 0) return false;
                alert = alerts[0];
                return alert.GetProperty("deliveries").EnumerateArray().All(d => d.GetProperty("state").GetString() == "sent");
            }, "the alert to be raised and all its deliveries sent", TimeSpan.FromSeconds(20));

            // Let the schedule run on: at least two more scans and dispatches after the alert, on whichever nodes.
            var raisedAt = alert.GetProperty("createdAt").GetDateTimeOffset();
            await Poll.UntilAsync(async () => await ScheduledRunsSinceAsync(nodeA, "threshold-scan", raisedAt) >= 2
                                              && await ScheduledRunsSinceAsync(nodeA, "alert-dispatch", raisedAt) >= 2,
                "two more scheduled scans and dispatches", TimeSpan.FromSeconds(15));

            var alerts = await CampaignAlertsAsync(adminA, campaignId);
            var only = Assert.Single(alerts);
            Assert.Equal(("80%", "info"), (only.GetProperty("threshold").GetString(), only.GetProperty("severity").GetString()));
            Assert.Equal(1L, await database.ScalarAsync<long>(
                $"SELECT count(*) FROM \"Alerts\" WHERE \"PoolId\" = '{campaignId}' AND \"Threshold\" = '80%'"));
            var deliveries = only.GetProperty("deliveries").EnumerateArray().ToList();
            Assert.Contains(deliveries, d => d.GetProperty("address").GetString() == mailbox);
            Assert.All(deliveries, d => Assert.Equal(("sent", 1), (d.GetProperty("state").GetString(), d.GetProperty("attempts").GetInt32())));

            var messages = await Task.WhenAll(Directory.EnumerateFiles(pickup, "*.eml").Select(EmlMessage.LoadAsync));
            var ours = messages.Where(m => m.Part("text/plain").Text.Contains(campaignId.ToString(), StringComparison.Ordinal)).ToList();
            Assert.Equal(deliveries.Count, ours.Count);
            Assert.Equal(deliveries.Select(d => d.GetProperty("address").GetString()).Order(StringComparer.Ordinal),
                ours.Select(m => m.Header("To")).Order(StringComparer.Ordinal));
            Assert.Single(ours, m => m.Header("To") == mailbox);
        }
        finally
        {
            TestDirectories.Delete(pickup);
        }
    }

    private static async Task<int> ScheduledRunsSinceAsync(CapacityAppFactory node, string job, DateTimeOffset since)
    {
        await using var db = await node.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.JobRuns.CountAsync(r => r.JobName == job && r.Trigger == "scheduled" && r.StartedAt > since && r.FinishedAt != null);
    }
}
