using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Admin;
using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Hosting;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapacityAdmin.Web.Tests.Alerts;

public sealed class AlertSettingsTests : AlertComponentTestBase, IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("capacity-settings");

    public AlertSettingsTests()
    {
        // The real email registration with its default provider (Pickup into <data>/mail).
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        Services.AddCapacityEmail(new ConfigurationBuilder().Build(), new AppPaths(_dataDirectory, _dataDirectory, _dataDirectory));
    }

    void IDisposable.Dispose() => TestDirectories.Delete(_dataDirectory);

    private IRenderedComponent<AlertSettings> RenderAsAdministrator()
    {
        SignInAs(Roles.Administrator, name: "ada@test.local");
        var cut = Render<AlertSettings>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[aria-label='Alert band settings'] tbody tr").Count));
        return cut;
    }

    private async Task<AlertBandSettingView> BandAsync(string threshold) =>
        (await Service<AlertSettingsService>().GetAsync(Seeder)).Value!.Single(b => b.Threshold == threshold);

    [Fact]
    public async Task Save_ChangedRepeatWindow_IsStoredAndShownAsChanged()
    {
        var cut = RenderAsAdministrator();
        Assert.Contains("1 d", cut.Find("tr[aria-label='Band 80%']").TextContent);

        cut.Find("input[aria-label='Repeat window of 80% in minutes']").Change("120");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("ada@test.local", cut.Find("tr[aria-label='Band 80%']").TextContent));
        Assert.Equal(TimeSpan.FromHours(2), (await BandAsync("80%")).RepeatWindow);
        Assert.Contains("2 h", cut.Find("tr[aria-label='Band 80%']").TextContent);
        Assert.Equal(TimeSpan.FromHours(12), (await BandAsync("90%")).RepeatWindow);
    }

    [Fact]
    public async Task Save_BandBelowTheOneUnderIt_IsRefusedWithTheReason()
    {
        var cut = RenderAsAdministrator();

        cut.Find("input[aria-label='Min % of 90%']").Change("75");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("must rise with the band", cut.Find("[aria-label='Band errors']").TextContent));
        Assert.Equal(90m, (await BandAsync("90%")).MinUtilizationPercent);
        Assert.True(cut.Find("input[aria-label='Min % of 110%']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Email_ShowsThePickupProviderAndSendsATestMessage()
    {
        var cut = RenderAsAdministrator();
        var mail = Path.Combine(_dataDirectory, "mail");
        var provider = cut.Find("[aria-label='Email provider']").TextContent;
        Assert.Contains("Pickup", provider);
        Assert.Contains(mail, provider);

        cut.Find("input[aria-label='Test email to']").Input("ops@example.com");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Send test email", StringComparison.Ordinal)).Click();

        // The send runs after the click returns: wait for the message to land.
        cut.WaitForAssertion(() => Assert.Single(Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml") : []));
        var eml = Directory.GetFiles(mail, "*.eml").Single();
        Assert.Contains("ops@example.com", await File.ReadAllTextAsync(eml));
        Assert.Contains(Service<MudBlazor.ISnackbar>().ShownSnackbars, n => (n.Message ?? "").StartsWith("Test email sent", StringComparison.Ordinal));
    }
}
