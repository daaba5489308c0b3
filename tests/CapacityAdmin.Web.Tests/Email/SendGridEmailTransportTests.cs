using CapacityAdmin.Web.Tests.Infrastructure;
using System.Globalization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Email;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>The SendGrid SDK against an in-process fake of the SendGrid v3 mail send API on 127.0.0.1.</summary>
public sealed class SendGridEmailTransportTests(FakeSendGrid sendGrid) : IClassFixture<FakeSendGrid>
{
    private EmailTestServices Services(string apiKey = FakeSendGrid.ApiKey, string from = "alerts@capacity.example.org") =>
        EmailTestServices.Create(new Dictionary<string, string?>
        {
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = apiKey,
            ["Email:SendGrid:BaseAddress"] = sendGrid.BaseAddress.ToString().TrimEnd('/'),   // with or without the slash
            ["Email:FromAddress"] = from,
            ["Email:FromName"] = "Capacity Alerts",
            ["Email:LinkBaseUrl"] = "https://capacity.example.org",
        });

    [Fact]
    public async Task SendAsync_Accepted_PostsTheV3ShapeWithBearerKey_AndReturnsTheMessageId()
    {
        await using var services = Services();
        var to = $"admin-{Guid.NewGuid():N}@acme.example";
        var email = EmailTestServices.CriticalCampaignAlert(to);

        var result = await services.Get<IAlertMessageSender>().SendAsync(email, CancellationToken.None);

        var request = sendGrid.Single(to);
        Assert.Equal(202, request.Status);
        Assert.Equal(AlertSendResult.Sent(request.MessageId), result);
        Assert.Equal(email.DeliveryId.ToString(), request.DeliveryId);
        Assert.StartsWith("sendgrid/9.29.3", request.UserAgent);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {FakeSendGrid.ApiKey}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        var json = request.Json;
        Assert.Equal(to, json["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Equal("alerts@capacity.example.org", json["from"]!["email"]!.GetValue<string>());
        Assert.Equal("Capacity Alerts", json["from"]!["name"]!.GetValue<string>());
        Assert.Equal("[CRITICAL] River Clean-up 2026 at 112.4% — enrollments blocked", json["subject"]!.GetValue<string>());
        var content = json["content"]!.AsArray();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c!["type"]!.GetValue<string>()));
        var link = $"https://capacity.example.org/campaigns/{email.Model.PoolId}";
        Assert.Contains($"Open the pool: {link}", content[0]!["value"]!.GetValue<string>());
        Assert.Contains($"href=\"{link}\"", content[1]!["value"]!.GetValue<string>());
        Assert.DoesNotContain("\"Personalizations\"", request.Body);   // snake_case, not Pascal
    }

    [Fact]
    public async Task SendAsync_Refused400_IsRejectedWithStatusAndSendGridsErrorText()
    {
        await using var services = Services(from: FakeSendGrid.UnverifiedSender);
        var to = $"admin-{Guid.NewGuid():N}@acme.example";

        var result = await services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert(to), CancellationToken.None);

        Assert.Equal(AlertSendStatus.Rejected, result.Status);
        Assert.Contains("400", result.Error);
        Assert.Contains("from: The from address does not match a verified Sender Identity", result.Error);
        Assert.Equal(400, sendGrid.Single(to).Status);
    }

    [Fact]
    public async Task SendAsync_WrongKey401_IsRejectedWithStatusAndErrorText()
    {
        await using var services = Services(apiKey: "SG.revoked");
        var to = $"admin-{Guid.NewGuid():N}@acme.example";

        var result = await services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert(to), CancellationToken.None);

        Assert.Equal(AlertSendStatus.Rejected, result.Status);
        Assert.Contains("401 Unauthorized", result.Error);
        Assert.Contains("authorization grant is invalid", result.Error);
        Assert.DoesNotContain("SG.revoked", result.Error);
    }

    [Fact]
    public async Task SendTestAsync_SendGrid_IsAccepted()
    {
        await using var services = Services();
        var to = $"ops-{Guid.NewGuid():N}@acme.example";

        var result = await services.Get<TestEmailService>().SendTestAsync(TestActors.Administrator, to);

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(EmailProvider.SendGrid, result.Value.Provider);
        var request = sendGrid.Single(to);
        Assert.Equal(202, request.Status);
        Assert.Equal(request.MessageId, result.Value.ProviderMessageId);
        Assert.Equal(TestEmailService.Subject, request.Json["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsRetriedLaterWithTheAddress()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var services = EmailTestServices.Create(new Dictionary<string, string?>
        {
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = FakeSendGrid.ApiKey,
            ["Email:SendGrid:BaseAddress"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/",
        });

        var result = await services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert("x@acme.example"), CancellationToken.None);

        Assert.Equal(AlertSendStatus.RetryLater, result.Status);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
    }
}
