using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Email;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Jobs.AlertJobApi;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary><c>threshold-scan</c> and <c>alert-dispatch</c> run by hand through the API, with each email provider.</summary>
public sealed class AlertJobTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private const string DemoSalesUser = "sales@capacityadmin.local";

    private static string Mailbox() => $"sales-{Guid.NewGuid():N}@example.test";

    private static Dictionary<string, string?> Settings(string mailbox, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Alerts:SalesMailbox"] = mailbox };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static (string, string?)[] Smtp(int port) =>
    [
        ("Email:Provider", "Smtp"), ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", port.ToString(CultureInfo.InvariantCulture)),
        ("Email:Smtp:EnableSsl", "false"), ("Email:Smtp:TimeoutSeconds", "5"),
    ];

    /// <summary>A fresh company and a campaign at 85 % whose 80 % alert the scan raises; returns the campaign and the alert.</summary>
    private static async Task<(Guid CampaignId, System.Text.Json.JsonElement Alert)> ScannedAlertAsync(HttpClient cs, HttpClient admin)
    {
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var campaignId = await CampaignCutToAsync(cs, companyId, enrolled: 17, seats: 20);
        Assert.Empty(await CampaignAlertsAsync(cs, campaignId));
        await RunAsync(admin, "threshold-scan", @"^scanned \d+ pools?, raised [1-9]\d* alerts?$");
        return (campaignId, Assert.Single(await CampaignAlertsAsync(cs, campaignId)));
    }

    /// <summary>The number after <paramref name="label"/> in a dispatch summary ("sent 3, retrying 1, failed 0").</summary>
    private static int Count(string summary, string label) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(summary, $@"\b{label} (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ThresholdScan_CatchesACapacityEdit_OnceWithinTheWindow_AndBothJobsAreListed()
    {
        await using var app = CapacityAppFactory.Create();
        await app.InitializeAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);

        var (campaignId, alert) = await ScannedAlertAsync(cs, admin);
        var again = await RunAsync(admin, "threshold-scan", @"^scanned \d+ pools?, raised \d+ alerts?$");

        Assert.Equal(("80%", "info"), (alert.GetProperty("threshold").GetString(), alert.GetProperty("severity").GetString()));
        Assert.Equal(85.00m, alert.GetProperty("utilizationPercent").GetDecimal());
        Assert.EndsWith("raised 0 alerts", again);
        Assert.Single(await CampaignAlertsAsync(cs, campaignId));
        var jobs = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/jobs"), HttpStatusCode.OK);
        var schedules = jobs.EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!, j => j.GetProperty("schedule").GetString());
        Assert.Equal("0 0/5 * * * ?", schedules["threshold-scan"]);
        Assert.Equal("0/30 * * * * ?", schedules["alert-dispatch"]);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        await ApiAssert.AnyProblemAsync(await sales.PostAsync("api/v1/jobs/alert-dispatch/run", content: null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AlertDispatch_PickupProvider_WritesOneEmlPerAddress_AndMarksTheDeliveriesSent()
    {
        var mailbox = Mailbox();
        await using var app = CapacityAppFactory.Create(Settings(mailbox));
        await app.InitializeAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var (campaignId, alert) = await ScannedAlertAsync(cs, admin);
        Assert.Equal("pending", Delivery(alert, mailbox).GetProperty("state").GetString());

        var summary = await RunAsync(admin, "alert-dispatch", @"^sent [1-9]\d*, retrying 0, failed 0$");
        Assert.True(Count(summary, "sent") >= 2, summary); // the demo Sales user and the sales mailbox, at least

        var folder = Path.Combine(app.DataDirectory, "mail");
        List<EmlMessage> ours = [];
        await Poll.UntilAsync(async () =>
        {
            if (!Directory.Exists(folder)) return false;
            var messages = await Task.WhenAll(Directory.EnumerateFiles(folder, "*.eml").Select(EmlMessage.LoadAsync));
            ours = messages.Where(m => m.Part("text/plain").Text.Contains(campaignId.ToString(), StringComparison.Ordinal)).ToList();
            return ours.Count >= 2;
        }, $"the alert's emails in {folder}");
        Assert.Equal(new[] { DemoSalesUser, mailbox }.Order(StringComparer.Ordinal), ours.Select(m => m.Header("To")).Order(StringComparer.Ordinal));
        Assert.All(ours, m => Assert.StartsWith("[INFO]", m.Subject));
        var sent = Assert.Single(await CampaignAlertsAsync(cs, campaignId));
        foreach (var address in new[] { DemoSalesUser, mailbox })
        {
            var delivery = Delivery(sent, address);
            Assert.Equal(("sent", 1), (delivery.GetProperty("state").GetString(), delivery.GetProperty("attempts").GetInt32()));
            Assert.True(delivery.TryGetProperty("sentAt", out _), delivery.ToString());
        }
        Assert.Equal("sent 0, retrying 0, failed 0", await RunAsync(admin, "alert-dispatch", ".*")); // never twice
    }

    [Fact]
    public async Task AlertDispatch_SmtpProvider_TheRelayReceivesTheMessage()
    {
        var mailbox = Mailbox();
        await using var app = CapacityAppFactory.Create(Settings(mailbox, Smtp(sink.Port)));
        await app.InitializeAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var (campaignId, _) = await ScannedAlertAsync(cs, admin);

        await RunAsync(admin, "alert-dispatch", @"^sent [1-9]\d*, retrying 0, failed 0$");

        var message = await sink.WaitForMessageToAsync(mailbox);
        Assert.StartsWith("[INFO]", message.Subject);
        Assert.Contains($"/campaigns/{campaignId}", message.Part("text/plain").Text);
        Assert.Contains($"/campaigns/{campaignId}", message.Part("text/html").Text);
        var alert = Assert.Single(await CampaignAlertsAsync(cs, campaignId));
        Assert.Equal("sent", Delivery(alert, mailbox).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AlertDispatch_ProviderDown_RecordsTheFailure_RetriesAfterTheBackoff_ThenGivesUp()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var mailbox = Mailbox();
        await using var app = ClockedAppFactory.Create(Settings(mailbox, [.. Smtp(closedPort), ("Alerts:MaxAttempts", "2"), ("Alerts:RetryBaseDelay", "00:00:30")]));
        await app.InitializeAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var (campaignId, _) = await ScannedAlertAsync(cs, admin);

        var first = await RunAsync(admin, "alert-dispatch", @"^sent 0, retrying [1-9]\d*, failed 0$");
        var failedOnce = Delivery(Assert.Single(await CampaignAlertsAsync(cs, campaignId)), mailbox);
        var tooEarly = await RunAsync(admin, "alert-dispatch", ".*");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var second = await RunAsync(admin, "alert-dispatch", @"^sent 0, retrying 0, failed [1-9]\d*$");
        var failed = Delivery(Assert.Single(await CampaignAlertsAsync(cs, campaignId)), mailbox);

        Assert.Equal(("pending", 1), (failedOnce.GetProperty("state").GetString(), failedOnce.GetProperty("attempts").GetInt32()));
        Assert.Contains($"127.0.0.1:{closedPort}", failedOnce.GetProperty("lastError").GetString());
        Assert.Equal("sent 0, retrying 0, failed 0", tooEarly); // not due before the backoff has passed
        Assert.Equal(Count(first, "retrying"), Count(second, "failed")); // every delivery that was retried has now failed for good
        Assert.Equal(("failed", 2), (failed.GetProperty("state").GetString(), failed.GetProperty("attempts").GetInt32()));
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("lastError").GetString()));
    }
}
