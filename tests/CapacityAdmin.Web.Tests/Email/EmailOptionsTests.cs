using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Tests.Email;

public sealed class EmailOptionsTests
{
    private static OptionsValidationException StartFails(Dictionary<string, string?> settings)
    {
        var directory = TestDirectories.Create("capacity-email-options");
        try
        {
            using var provider = EmailTestServices.BuildProvider(settings, directory);
            return Assert.Throws<OptionsValidationException>(() => EmailTestServices.ValidateOnStart(provider));
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void Start_SmtpWithoutHost_FailsNamingTheKey()
    {
        var error = StartFails(new() { ["Email:Provider"] = "Smtp" });

        Assert.Contains("Email:Smtp:Host is required when Email:Provider is Smtp", error.Message);
    }

    [Fact]
    public void Start_SendGridWithoutApiKey_FailsNamingTheKeyAndTheEnvironmentVariable()
    {
        var error = StartFails(new() { ["Email:Provider"] = "SendGrid" });

        Assert.Contains("Email:SendGrid:ApiKey is required when Email:Provider is SendGrid", error.Message);
        Assert.Contains("Email__SendGrid__ApiKey", error.Message);
    }

    [Fact]
    public void Start_BadAddressesAndUrls_ReportsEveryProblem()
    {
        var error = StartFails(new()
        {
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = "SG.x",
            ["Email:SendGrid:BaseAddress"] = "api.sendgrid.com",
            ["Email:FromAddress"] = "not an address",
            ["Email:LinkBaseUrl"] = "/relative",
        });

        Assert.Contains("Email:SendGrid:BaseAddress 'api.sendgrid.com' must be an absolute http or https URL", error.Message);
        Assert.Contains("Email:FromAddress 'not an address' is not a valid email address", error.Message);
        Assert.Contains("Email:LinkBaseUrl (or App:BaseUrl) '/relative'", error.Message);
    }

    [Fact]
    public void Start_SmtpUserWithoutPassword_Fails()
    {
        var error = StartFails(new() { ["Email:Provider"] = "Smtp", ["Email:Smtp:Host"] = "smtp.sendgrid.net", ["Email:Smtp:UserName"] = "apikey" });

        Assert.Contains("Email:Smtp:Password is required when Email:Smtp:UserName is set", error.Message);
    }

    [Fact]
    public async Task Defaults_NoEmailSection_PickupIntoDataFolderWithLocalLinks()
    {
        await using var services = EmailTestServices.Create();

        EmailTestServices.ValidateOnStart(services.Provider);
        var options = services.Get<IOptions<EmailOptions>>().Value;

        Assert.Equal(EmailProvider.Pickup, options.Provider);
        Assert.Equal(services.DefaultPickupDirectory, options.PickupDirectory);
        Assert.Equal(EmailOptions.DefaultLinkBaseUrl, options.LinkBaseUrl);
        Assert.Equal(EmailOptions.SendGridSettings.DefaultBaseAddress, options.SendGrid.BaseAddress);
        Assert.IsType<PickupEmailTransport>(services.Get<IEmailTransport>());
    }

    [Theory]
    [InlineData("Smtp", typeof(SmtpEmailTransport))]
    [InlineData("SendGrid", typeof(SendGridEmailTransport))]
    public async Task Provider_Configured_ChoosesItsTransport(string provider, Type expected)
    {
        await using var services = EmailTestServices.Create(new Dictionary<string, string?>
        {
            ["Email:Provider"] = provider,
            ["Email:Smtp:Host"] = "smtp.example.org",
            ["Email:SendGrid:ApiKey"] = "SG.x",
            ["Email:PickupDirectory"] = "outbox",
            ["App:BaseUrl"] = "https://capacity.example.org",
        });

        EmailTestServices.ValidateOnStart(services.Provider);
        var options = services.Get<IOptions<EmailOptions>>().Value;

        Assert.IsType(expected, services.Get<IEmailTransport>());
        Assert.Equal(Path.Combine(services.DataDirectory, "outbox"), options.PickupDirectory);
        Assert.Equal("https://capacity.example.org", options.LinkBaseUrl);
    }
}
