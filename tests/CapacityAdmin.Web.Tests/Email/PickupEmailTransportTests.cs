using CapacityAdmin.Web.Tests.Infrastructure;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Email;

namespace CapacityAdmin.Web.Tests.Email;

public sealed class PickupEmailTransportTests : IAsyncLifetime
{
    private readonly EmailTestServices _services = EmailTestServices.Create(new Dictionary<string, string?>
    {
        ["Email:FromAddress"] = "alerts@capacity.example.org",
        ["Email:FromName"] = "Capacity Alerts",
        ["Email:LinkBaseUrl"] = "https://capacity.example.org",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SendAsync_DefaultProvider_WritesOneEmlFileIntoTheDataFoldersMailFolder()
    {
        var email = EmailTestServices.CriticalCampaignAlert("admin@acme.example");

        await _services.Get<IAlertMessageSender>().SendAsync(email, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_services.DefaultPickupDirectory, "*.eml"));
        var eml = await EmlMessage.LoadAsync(file);
        Assert.Equal("[CRITICAL] River Clean-up 2026 at 112.4% — enrollments blocked", eml.Subject);
        Assert.Contains("admin@acme.example", eml.Header("To"));
        Assert.Contains("alerts@capacity.example.org", eml.Header("From"));
        Assert.Contains("Capacity Alerts", eml.Header("From"));
        Assert.StartsWith("multipart/alternative", eml.ContentType);
        Assert.Equal(["text/plain", "text/html"], eml.Parts.Select(p => p.MediaType));

        var link = $"https://capacity.example.org/campaigns/{email.Model.PoolId}";
        var text = eml.Part("text/plain").Text;
        Assert.Contains("CRITICAL: River Clean-up 2026 is at 112.4% (enrollments blocked)", text);
        Assert.Contains("Company: Acme & Sons <Volunteering>", text);
        Assert.Contains($"Open the pool: {link}", text);
        var html = eml.Part("text/html").Text;
        Assert.Contains($"href=\"{link}\"", html);
        Assert.Contains("Acme &amp; Sons &lt;Volunteering&gt;", html);
    }

    [Fact]
    public async Task SendTestAsync_Pickup_WritesTheTestMessageAndSaysWhere()
    {
        var result = await _services.Get<TestEmailService>().SendTestAsync(TestActors.Administrator, "ops@acme.example");

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(EmailProvider.Pickup, result.Value.Provider);
        Assert.Contains(_services.DefaultPickupDirectory, result.Value.Destination);
        var eml = await EmlMessage.LoadAsync(Assert.Single(Directory.GetFiles(_services.DefaultPickupDirectory, "*.eml")));
        Assert.Equal(TestEmailService.Subject, eml.Subject);
        Assert.Contains("ops@acme.example", eml.Part("text/plain").Text);
        Assert.Contains("href=\"https://capacity.example.org\"", eml.Part("text/html").Text);
    }

    [Fact]
    public async Task SendTestAsync_InvalidAddress_IsRefusedBeforeSending()
    {
        var result = await _services.Get<TestEmailService>().SendTestAsync(TestActors.Administrator, "not an address");

        Assert.Equal(("VALIDATION_FAILED", "to"), (result.Error?.Code, result.Error?.Errors?.Keys.Single()));
        Assert.False(Directory.Exists(_services.DefaultPickupDirectory) && Directory.EnumerateFiles(_services.DefaultPickupDirectory).Any());
    }
}
