using System.Net;
using System.Text.Json;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Jobs;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Email;
using CapacityAdmin.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CapacityAdmin.Web.Tests.Jobs.AlertJobApi;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary><c>alert-dispatch</c> through the SendGrid SDK against the fake SendGrid on 127.0.0.1.</summary>
public sealed class SendGridDispatchTests(FakeSendGrid sendGrid) : IClassFixture<FakeSendGrid>
{
    private Dictionary<string, string?> Settings(string mailbox) => new()
    {
        ["Alerts:SalesMailbox"] = mailbox,
        ["Email:Provider"] = "SendGrid",
        ["Email:SendGrid:ApiKey"] = FakeSendGrid.ApiKey,
        ["Email:SendGrid:BaseAddress"] = sendGrid.BaseAddress.ToString(),
        ["Email:FromAddress"] = "alerts@capacity.example.org",
    };

    private static async Task<(Guid Id, string? ProviderMessageId)> DeliveryRowAsync(CapacityAppFactory app, Guid campaignId, string address)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await (from d in db.AlertDeliveries
                      join a in db.Alerts on d.AlertId equals a.Id
                      where a.PoolId == campaignId && d.Address == address
                      select new ValueTuple<Guid, string?>(d.Id, d.ProviderMessageId)).SingleAsync();
    }

    [Fact]
    public async Task AlertDispatch_SendGridAnswers202_400_401_429_DeliveryEndsSent_Failed_Failed_Retried()
    {
        var mailbox = $"sales-{Guid.NewGuid():N}@example.test";
        await using var app = CapacityAppFactory.Create(Settings(mailbox));
        await app.InitializeAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CampaignApi.CreateCompanyAsync(cs);

        async Task<(Guid CampaignId, JsonElement Delivery)> DispatchAsync(Action provider)
        {
            var campaignId = await CampaignCutToAsync(cs, companyId, enrolled: 17, seats: 20);
            await RunAsync(admin, "threshold-scan", @"raised [1-9]\d* alerts?$");
            provider();
            try { await RunAsync(admin, "alert-dispatch", ".*"); }
            finally
            {
                sendGrid.InvalidRecipients.Clear();
                sendGrid.AcceptedKey = FakeSendGrid.ApiKey;
                sendGrid.Throttled = false;
            }
            return (campaignId, Delivery(Assert.Single(await CampaignAlertsAsync(cs, campaignId)), mailbox));
        }

        var (sentCampaign, sent) = await DispatchAsync(() => { });
        var (_, invalid) = await DispatchAsync(() => sendGrid.InvalidRecipients[mailbox] = true);
        var (_, revoked) = await DispatchAsync(() => sendGrid.AcceptedKey = "SG.rotated-key");
        var (_, throttled) = await DispatchAsync(() => sendGrid.Throttled = true);

        Assert.Equal(("sent", 1), (sent.GetProperty("state").GetString(), sent.GetProperty("attempts").GetInt32()));
        var (deliveryId, messageId) = await DeliveryRowAsync(app, sentCampaign, mailbox);
        var request = Assert.Single(sendGrid.Requests, r => r.Status == 202 && r.DeliveryId == deliveryId.ToString());
        Assert.Equal(request.MessageId, messageId);
        Assert.Equal(mailbox, request.Json["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());

        Assert.Equal(("failed", 1), (invalid.GetProperty("state").GetString(), invalid.GetProperty("attempts").GetInt32()));
        Assert.Contains("400", invalid.GetProperty("lastError").GetString());
        Assert.Contains("Does not contain a valid address", invalid.GetProperty("lastError").GetString());

        Assert.Equal(("failed", 1), (revoked.GetProperty("state").GetString(), revoked.GetProperty("attempts").GetInt32()));
        Assert.Contains("401", revoked.GetProperty("lastError").GetString());
        Assert.Contains("authorization grant is invalid", revoked.GetProperty("lastError").GetString());

        Assert.Equal(("pending", 1), (throttled.GetProperty("state").GetString(), throttled.GetProperty("attempts").GetInt32()));
        Assert.Contains("429", throttled.GetProperty("lastError").GetString());
    }

    /// <summary>
    /// Server A's Hangfire worker dies mid-batch: its SendGrid call hangs after two accepted messages and A never comes back
    /// (its claim on the third delivery is never released). Server B, started on the same PostgreSQL database, dispatches
    /// on its schedule; once A's claim has expired it sends the rest. Every delivery is accepted by SendGrid exactly once.
    /// </summary>
    [Fact]
    [Trait("Category", "Postgres")]
    public async Task AlertDispatch_KilledMidBatch_AndRestarted_SendsEveryPendingDeliveryExactlyOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var mailbox = $"sales-{Guid.NewGuid():N}@example.test";
        var settings = Settings(mailbox);
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Postgres"] = database.ConnectionString;
        settings["Alerts:ClaimTimeout"] = "00:00:10";
        settings["Jobs:Enabled"] = "true";
        settings["Jobs:AlertDispatch:Cron"] = "never";
        settings["Jobs:WorkerCount"] = "1";
        await using var serverA = CapacityAppFactory.Create(settings);
        await serverA.InitializeAsync();
        using var admin = await serverA.CreateApiClientAsync(Roles.Administrator);
        using var cs = await serverA.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var campaigns = new List<Guid>();
        for (var i = 0; i < 3; i++) campaigns.Add(await CampaignCutToAsync(cs, companyId, enrolled: 17, seats: 20));
        await RunAsync(admin, "threshold-scan", @"raised [1-9]\d* alerts?$");
        await using (var db = await serverA.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync())
            Assert.True(await db.AlertDeliveries.CountAsync(d => d.State == Domain.Alerts.DeliveryState.Pending) >= 6);

        sendGrid.HoldAcceptedNumber = sendGrid.Requests.Count(r => r.Status == 202) + 3;
        serverA.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HangfireJobAdapter>(a => a.RunAsync("alert-dispatch", CancellationToken.None));
        await sendGrid.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var restarted = new Dictionary<string, string?>(settings) { ["Seed:DemoData"] = "false", ["Jobs:AlertDispatch:Cron"] = "*/2 * * * * *", ["Jobs:WorkerCount"] = "2" };
        await using var serverB = CapacityAppFactory.Create(restarted);
        await serverB.InitializeAsync();
        await Poll.UntilAsync(async () =>
        {
            await using var db = await serverB.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
            return !await db.AlertDeliveries.AnyAsync(d => d.State == Domain.Alerts.DeliveryState.Pending);
        }, "server B to send every pending delivery", TimeSpan.FromSeconds(90));
        await serverA.DisposeAsync();

        await using var check = await serverB.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        var deliveries = await check.AlertDeliveries.Where(d => d.Address != null).ToListAsync();
        var accepted = sendGrid.Requests.Where(r => r.Status == 202).GroupBy(r => r.DeliveryId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(deliveries, d =>
        {
            Assert.Equal(Domain.Alerts.DeliveryState.Sent, d.State);
            Assert.Equal(1, accepted.GetValueOrDefault(d.Id.ToString()));
            Assert.Equal(1, d.Attempts);
        });
        Assert.Contains(sendGrid.Requests, r => r.Status == 499);
    }
}
