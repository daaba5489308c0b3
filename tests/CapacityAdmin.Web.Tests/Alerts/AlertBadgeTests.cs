using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Layout;

namespace CapacityAdmin.Web.Tests.Alerts;

public sealed class AlertBadgeTests : AlertComponentTestBase
{
    [Fact]
    public async Task Badge_AsCustomerSuccess_CountsNewAlertsAndRefreshesOnItsTimer()
    {
        var acme = await CreateCompanyAsync("Acme");
        var first = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 10);
        SignInAs(Roles.CustomerSuccess);

        var cut = Render<AlertBadge>(p => p.Add(x => x.Interval, TimeSpan.FromMilliseconds(50)));

        var link = cut.Find("a.ca-alert-badge");
        Assert.Equal("alerts", link.GetAttribute("href"));
        Assert.Equal("1 new alert", link.GetAttribute("aria-label"));
        Assert.Equal("1", cut.Find(".ca-alert-count").TextContent);

        // A second alert is raised and the first acknowledged while the page is open: the timer picks both up.
        await CampaignWithAlertAsync(acme, "Food Bank", enrolled: 9);
        await CampaignWithAlertAsync(acme, "Tree Planting", enrolled: 8);
        cut.WaitForAssertion(() => Assert.Equal("3 new alerts", cut.Find("a.ca-alert-badge").GetAttribute("aria-label")), TimeSpan.FromSeconds(10));
        var acknowledged = await Service<AlertService>().AcknowledgeAsync(Seeder, (await SingleAlertOfAsync(first)).Id, null);
        Assert.True(acknowledged.IsSuccess, acknowledged.Error?.Detail);
        cut.WaitForAssertion(() => Assert.Equal("2 new alerts", cut.Find("a.ca-alert-badge").GetAttribute("aria-label")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Badge_AsSales_CountsNewUpsellItemsAndLinksToTheUpsellList()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 8);  // upsell item
        await CampaignWithAlertAsync(acme, "Food Bank", enrolled: 10);      // not Sales' to work
        SignInAs(Roles.Sales);

        var cut = Render<AlertBadge>();

        var link = cut.Find("a.ca-alert-badge");
        Assert.Equal("upsell", link.GetAttribute("href"));
        Assert.Equal("1 new upsell item", link.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Badge_AsCompanyAdmin_CountsOnlyItsOwnCompanysNewAlertsAndLinksToItsDashboard()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 9);   // 90 % warning, to company admins
        await CampaignWithAlertAsync(acme, "Food Bank", enrolled: 8);        // 80 % info, Sales only: not counted
        await CampaignWithAlertAsync(globex, "Tree Planting", enrolled: 10); // another company's
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = Render<AlertBadge>();

        var link = cut.Find("a.ca-alert-badge");
        Assert.Equal(AlertBadge.CompanyAdminPath, link.GetAttribute("href"));
        Assert.Equal("1 new alert", link.GetAttribute("aria-label"));
    }
}
