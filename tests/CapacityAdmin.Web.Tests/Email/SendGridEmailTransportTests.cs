using System.Globalization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Email;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>Against an in-process fake of the SendGrid v3 mail send API on 127.0.0.1.</summary>
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
    public async Task SendAsync_Accepted_PostsTheV3ShapeWithBearerKey()
    {
        await using var services = Services();
        var to = $"admin-{Guid.NewGuid():N}@acme.example";
        var email = EmailTestServices.CriticalCampaignAlert(to);

        await services.Get<IAlertMessageSender>().SendAsync(email, CancellationToken.None);

        var request = sendGrid.Single(to);
        Assert.Equal(202, request.Status);
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
    public async Task SendAsync_Refused400_ThrowsWithStatusAndSendGridsErrorText()
    {
        await using var services = Services(from: FakeSendGrid.UnverifiedSender);
        var to = $"admin-{Guid.NewGuid():N}@acme.example";

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert(to), CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("400", error.Message);
        Assert.Contains("from: The from address does not match a verified Sender Identity", error.Message);
        Assert.Equal(400, sendGrid.Single(to).Status);
    }

    [Fact]
    public async Task SendAsync_WrongKey401_ThrowsWithStatusAndErrorText()
    {
        await using var services = Services(apiKey: "SG.revoked");
        var to = $"admin-{Guid.NewGuid():N}@acme.example";

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert(to), CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("401 Unauthorized", error.Message);
        Assert.Contains("authorization grant is invalid", error.Message);
        Assert.DoesNotContain("SG.revoked", error.Message);
    }

    [Fact]
    public async Task SendTestAsync_SendGrid_IsAccepted()
    {
        await using var services = Services();
        var to = $"ops-{Guid.NewGuid():N}@acme.example";

        var result = await services.Get<TestEmailService>().SendTestAsync(to);

        Assert.Equal(EmailProvider.SendGrid, result.Provider);
        var request = sendGrid.Single(to);
        Assert.Equal(202, request.Status);
        Assert.Equal(TestEmailService.Subject, request.Json["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_NothingListening_ThrowsWithTheAddress()
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

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            services.Get<IAlertMessageSender>().SendAsync(EmailTestServices.CriticalCampaignAlert("x@acme.example"), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }
}
