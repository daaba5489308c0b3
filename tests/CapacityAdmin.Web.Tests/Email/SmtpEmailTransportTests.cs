using CapacityAdmin.Web.Tests.Infrastructure;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Email;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>Against a real SMTP server (aiosmtpd) on 127.0.0.1.</summary>
public sealed class SmtpEmailTransportTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private EmailTestServices Services(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
            ["Email:FromAddress"] = "alerts@capacity.example.org",
            ["Email:FromName"] = "Capacity Alerts",
            ["Email:LinkBaseUrl"] = "https://capacity.example.org",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return EmailTestServices.Create(settings);
    }

    [Fact]
    public async Task SendAsync_Smtp_RelayReceivesMultipartMessageWithBothPartsAndTheLink()
    {
        await using var services = Services();
        var to = $"admin-{Guid.NewGuid():N}@acme.example";
        var email = EmailTestServices.CriticalCampaignAlert(to);

        await services.Get<IAlertMessageSender>().SendAsync(email, CancellationToken.None);

        var eml = await sink.WaitForMessageToAsync(to);
        Assert.Equal("[CRITICAL] River Clean-up 2026 at 112.4% — enrollments blocked", eml.Subject);
        Assert.Contains(to, eml.Header("To"));
        Assert.Contains("<alerts@capacity.example.org>", eml.Header("From"));
        Assert.Contains(to, eml.Header("X-RcptTo"));                      // the envelope, as aiosmtpd saw it
        Assert.Equal("alerts@capacity.example.org", eml.Header("X-MailFrom"));
        Assert.StartsWith("multipart/alternative", eml.ContentType);
        Assert.Equal(["text/plain", "text/html"], eml.Parts.Select(p => p.MediaType));
        var link = $"https://capacity.example.org/campaigns/{email.Model.PoolId}";
        Assert.Contains($"Open the pool: {link}", eml.Part("text/plain").Text);
        Assert.Contains("Company: Acme & Sons <Volunteering>", eml.Part("text/plain").Text);
        Assert.Contains($"href=\"{link}\"", eml.Part("text/html").Text);
        Assert.Contains("charset=utf-8", eml.Part("text/html").ContentType);
    }

    [Fact]
    public async Task SendTestAsync_Smtp_ReportsTheServerAndDelivers()
    {
        await using var services = Services();
        var to = $"ops-{Guid.NewGuid():N}@acme.example";

        var result = await services.Get<TestEmailService>().SendTestAsync(TestActors.Administrator, to);

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(EmailProvider.Smtp, result.Value.Provider);
        Assert.Contains($"127.0.0.1:{sink.Port}", result.Value.Destination);
        var eml = await sink.WaitForMessageToAsync(to);
        Assert.Equal(TestEmailService.Subject, eml.Subject);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsRetriedLaterWithTheServerInTheMessage()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var services = Services(new Dictionary<string, string?> { ["Email:Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var result = await services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert("x@acme.example"), CancellationToken.None);

        Assert.Equal(AlertSendStatus.RetryLater, result.Status);
        Assert.Contains($"127.0.0.1:{closedPort}", result.Error);
    }
}
