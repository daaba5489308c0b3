using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Alerts;

namespace CapacityAdmin.Web.Tests.Alerts;

public sealed class AlertInboxTests : AlertComponentTestBase
{
    [Fact]
    public async Task Inbox_AsCustomerSuccess_ShowsNewAlertsWithCompanyBandSeverityAndDeliveries()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 8);
        await CampaignWithAlertAsync(globex, "Food Bank", enrolled: 10);
        SignInAs(Roles.CustomerSuccess);

        var cut = Render<AlertInbox>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[aria-label='Alerts'] tbody tr").Count));
        var rows = cut.FindAll("[aria-label='Alerts'] tbody tr");
        var food = rows.Single(r => r.TextContent.Contains("Food Bank", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Globex", food);
        Assert.Contains("100%", food);
        Assert.Contains("error", food);
        Assert.Contains("100 %", food);
        Assert.Contains("no address", food); // no CS or company-admin users exist: recorded, never dropped
        var river = rows.Single(r => r.TextContent.Contains("River Clean-up", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Acme", river);
        Assert.Contains("80%", river);
        Assert.Contains("info", river);
        Assert.Contains("new", river);
        Assert.Single(cut.FindAll("button[aria-label='Acknowledge Food Bank 100%']"));
        Assert.Single(cut.FindAll("button[aria-label='Snooze River Clean-up 80%']"));
        Assert.Contains("2 alerts", cut.Find("[aria-label='Alert filters']").TextContent);
    }

    [Fact]
    public async Task Acknowledge_AsCustomerSuccess_WithReason_StoresItAndLeavesTheNewList()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderWithDialogs<AlertInbox>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Acknowledge River Clean-up 100%']"));

        var click = ClickAsync(cut.Find("button[aria-label='Acknowledge River Clean-up 100%']"));
        cut.WaitForAssertion(() => cut.Find("form[aria-label='Acknowledge alert']"));
        cut.Find("form[aria-label='Acknowledge alert'] textarea[name=Reason]").Change("Customer already informed");
        cut.Find("form[aria-label='Acknowledge alert']").Submit();
        await click;

        var alert = await SingleAlertOfAsync(campaign);
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Equal("casey@test.local", alert.AcknowledgedBy);
        Assert.Equal("Customer already informed", alert.AcknowledgeReason);
        cut.WaitForAssertion(() => Assert.Contains("No alerts match.", cut.Find("[aria-label='Alerts']").TextContent));
        Assert.Contains(Notifications(), n => n.StartsWith("Alert acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snooze_WithoutReason_IsRefusedUntilAReasonIsGiven()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 9);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderWithDialogs<AlertInbox>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Snooze River Clean-up 90%']"));

        var click = ClickAsync(cut.Find("button[aria-label='Snooze River Clean-up 90%']"));
        cut.WaitForAssertion(() => cut.Find("form[aria-label='Snooze alert']"));
        cut.Find("form[aria-label='Snooze alert']").Submit();

        cut.WaitForAssertion(() => Assert.Contains("A reason is required", cut.Find("form[aria-label='Snooze alert']").TextContent));
        Assert.Equal(AlertStatus.New, (await SingleAlertOfAsync(campaign)).Status);

        cut.Find("form[aria-label='Snooze alert'] textarea[name=Reason]").Change("Contract renewal under way");
        cut.Find("form[aria-label='Snooze alert']").Submit();
        await click;

        var alert = await SingleAlertOfAsync(campaign);
        Assert.Equal(AlertStatus.Snoozed, alert.Status);
        Assert.Equal("Contract renewal under way", alert.SnoozeReason);
        Assert.True(alert.SnoozedUntil > DateTimeOffset.UtcNow.AddDays(1));
    }

    [Theory]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.CompanyAdmin)]
    public async Task Inbox_AsRoleWithoutHandling_IsNotAuthorized(string role)
    {
        var acme = await CreateCompanyAsync("Acme");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(role, role == Roles.CompanyAdmin ? acme : null);

        var cut = RenderRoute<AlertInbox>();

        cut.WaitForAssertion(() => Assert.Equal("Not authorized", cut.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("River Clean-up", cut.Markup);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task Inbox_AsAdministratorThroughTheRouter_IsShown()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(Roles.Administrator);

        var cut = RenderRoute<AlertInbox>();

        cut.WaitForAssertion(() => Assert.Contains("River Clean-up", cut.Find("[aria-label='Alerts']").TextContent));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }
}
