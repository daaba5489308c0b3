using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Alerts;

namespace CapacityAdmin.Web.Tests.Alerts;

public sealed class AlertInboxTests : AlertComponentTestBase
{
    [Fact]
    public async Task Inbox_AsCustomerSuccess_ShowsNewAlertsWithNamesAndTheUtilizationAtAlertTime()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 8);
        await CampaignWithAlertAsync(globex, "Food Bank", enrolled: 10);
        SignInAs(Roles.CustomerSuccess);

        var cut = RenderPage<AlertInbox>();

        cut.WaitForAssertion(() => Assert.Equal(2, RowsOf(cut, "Alerts").Count));
        var food = RowsOf(cut, "Alerts").Single(r => r.Contains("Food Bank", StringComparison.Ordinal));
        Assert.Contains("Globex", food);
        Assert.Contains("100%", food);
        Assert.Contains("100 %", food);
        Assert.Contains("no address", food); // no CS or company-admin users exist: recorded, never dropped
        var river = RowsOf(cut, "Alerts").Single(r => r.Contains("River Clean-up", StringComparison.Ordinal));
        Assert.Contains("Acme", river);
        Assert.Contains("80%", river);
        Assert.Contains("New", river);
        Assert.Contains("Utilization at alert time", cut.Markup);
        Assert.Single(cut.FindAll("button[aria-label='Acknowledge Food Bank 100%']"));
        Assert.Single(cut.FindAll("button[aria-label='Snooze River Clean-up 80%']"));
        Assert.Contains("2 alerts", cut.Find("[data-testid=alert-count]").TextContent);
        Assert.True(Button(cut, "Acknowledge selected (0)").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Acknowledge_WithReason_StoresItAndLeavesTheNewList()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderPage<AlertInbox>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Acknowledge River Clean-up 100%']"));

        cut.Find("button[aria-label='Acknowledge River Clean-up 100%']").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find(".mud-dialog textarea"));
        Enter(Dialogs.Find(".mud-dialog textarea"), "Customer already informed");
        Dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Acknowledge").Click();

        cut.WaitForAssertion(() => Assert.Empty(RowsOf(cut, "Alerts")));
        var alert = await SingleAlertOfAsync(campaign);
        Assert.Equal((AlertStatus.Acknowledged, "casey@test.local", "Customer already informed"),
            (alert.Status, alert.AcknowledgedBy, alert.AcknowledgeReason));
    }

    [Fact]
    public async Task Acknowledge_Cancelled_ChangesNothing()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(Roles.CustomerSuccess);
        var cut = RenderPage<AlertInbox>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Acknowledge River Clean-up 100%']"));

        cut.Find("button[aria-label='Acknowledge River Clean-up 100%']").Click();
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Cancel"));
        Button(Dialogs, "Cancel").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.Equal(AlertStatus.New, (await SingleAlertOfAsync(campaign)).Status);
        Assert.Single(RowsOf(cut, "Alerts"));
    }

    [Fact]
    public async Task BulkAcknowledge_SelectedAlerts_AcknowledgesEachAfterConfirmation()
    {
        var acme = await CreateCompanyAsync("Acme");
        var river = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        var food = await CampaignWithAlertAsync(acme, "Food Bank", enrolled: 9);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderPage<AlertInbox>();
        cut.WaitForAssertion(() => Assert.Equal(2, RowsOf(cut, "Alerts").Count));

        foreach (var box in cut.FindAll(".mud-data-grid tbody input[type=checkbox]").ToList()) box.Change(true);
        cut.WaitForAssertion(() => Button(cut, "Acknowledge selected (2)"));
        Button(cut, "Acknowledge selected (2)").Click();
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Acknowledge 2 alerts"));
        Button(Dialogs, "Acknowledge 2 alerts").Click();

        cut.WaitForAssertion(() => Assert.Empty(RowsOf(cut, "Alerts")));
        Assert.Equal(AlertStatus.Acknowledged, (await SingleAlertOfAsync(river)).Status);
        Assert.Equal(AlertStatus.Acknowledged, (await SingleAlertOfAsync(food)).Status);
    }

    [Fact]
    public async Task Snooze_WithoutReason_IsRefusedUntilAReasonIsGiven()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 9);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderPage<AlertInbox>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Snooze River Clean-up 90%']"));

        cut.Find("button[aria-label='Snooze River Clean-up 90%']").Click();
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Snooze"));
        Button(Dialogs, "Snooze").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("A reason is required", Dialogs.Find(".mud-dialog").TextContent));
        Assert.Equal(AlertStatus.New, (await SingleAlertOfAsync(campaign)).Status);

        Enter(Dialogs.Find(".mud-dialog textarea"), "Contract renewal under way");
        Button(Dialogs, "Snooze").Click();

        cut.WaitForAssertion(() => Assert.Empty(RowsOf(cut, "Alerts")));
        var alert = await SingleAlertOfAsync(campaign);
        Assert.Equal(AlertStatus.Snoozed, alert.Status);
        Assert.Equal("Contract renewal under way", alert.SnoozeReason);
        Assert.True(alert.SnoozedUntil > DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task Inbox_SearchAndStatusFromUrl_MatchCompanyNamesAndShowAll()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        await CampaignWithAlertAsync(globex, "Food Bank", enrolled: 10);
        SignInAs(Roles.CustomerSuccess);

        NavigateTo("alerts?q=LOBE&status=any");
        var cut = RenderPage<AlertInbox>();

        cut.WaitForAssertion(() => Assert.Single(RowsOf(cut, "Alerts")));
        Assert.Contains("Food Bank", RowsOf(cut, "Alerts").Single());
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

        cut.WaitForAssertion(() => Assert.Contains("River Clean-up", cut.Markup));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }
}
