using AngleSharp.Dom;
using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Campaigns;

namespace CapacityAdmin.Web.Tests.Alerts;

/// <summary>The company admin's side: a campaign's alerts (tenancy in the domain) and "Request more capacity".</summary>
public sealed class CampaignAlertsTests : AlertComponentTestBase
{
    /// <summary>The header of the "Alerts" tab (tabs render only their selected panel).</summary>
    private static IElement AlertsTab<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Alerts");

    [Fact]
    public async Task AlertsTab_AsCompanyAdmin_ShowsItsCampaignsAdminAlertsOnly()
    {
        var acme = await CreateCompanyAsync("Acme");
        var full = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(Roles.CompanyAdmin, acme);
        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, full));
        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));

        AlertsTab(cut).Click();

        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(RowsOf(cut, "Campaign alerts"));
            Assert.Contains("100%", row);
            Assert.Contains("Error", row, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("100 %", row);
        });
    }

    [Fact]
    public async Task AlertsTab_AsCompanyAdmin_HidesSalesOnlyUpsellAlerts()
    {
        var acme = await CreateCompanyAsync("Acme");
        var near = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 8);
        Assert.Equal("80%", (await SingleAlertOfAsync(near)).Threshold);
        SignInAs(Roles.CompanyAdmin, acme);
        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, near));
        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));

        AlertsTab(cut).Click();

        cut.WaitForAssertion(() => Assert.Contains("No alerts for this campaign.", cut.Find("[aria-label='Campaign alerts']").TextContent));
    }

    [Fact]
    public async Task RequestCapacity_AsCompanyAdmin_LandsInTheUpsellListAndShowsPending()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 9);
        SignInAs(Roles.CompanyAdmin, acme, name: "alex@acme.test");
        var page = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign));
        page.WaitForAssertion(() => Button(page, "Request more capacity"));

        Button(page, "Request more capacity").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find(".mud-dialog textarea"));
        Enter(Dialogs.Find(".mud-dialog textarea"), "40 more seats for the autumn cohort");
        Button(Dialogs, "Send request").Click();

        page.WaitForAssertion(() => Assert.Contains("Request pending", page.Find("[data-testid=request-pending]").TextContent));
        var upsell = await Service<AlertService>().ListUpsellAsync(Seeder, new UpsellQuery(Kind: AlertKind.CapacityRequest), new PageRequest());
        var request = Assert.Single(upsell.Value!.Items);
        Assert.Equal((campaign, UpsellStatus.New), (request.PoolId, request.Status));
        Assert.Contains("40 more seats for the autumn cohort", request.Message);
    }

    [Theory]
    [InlineData(Roles.CustomerSuccess)]
    [InlineData(Roles.Sales)]
    public async Task RequestCapacityButton_ForStaff_IsHidden(string role)
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 9);
        SignInAs(role);

        var cut = RenderPage<CampaignDetail>(p => p.Add(x => x.Id, campaign));

        cut.WaitForAssertion(() => Assert.Equal("River Clean-up", cut.Find("h1").TextContent.Trim()));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Request more capacity", StringComparison.Ordinal));
    }
}
