using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Alerts;
using HomePage = CapacityAdmin.Web.Components.Pages.Home.Home;

namespace CapacityAdmin.Web.Tests.Components.Pages.Home;

/// <summary>Each role lands on its own dashboard, with live figures from the domain and nothing of other companies.</summary>
public sealed class HomeTests : AlertComponentTestBase
{
    [Fact]
    public async Task Home_AsCompanyAdmin_ShowsAGaugePerOwnCampaignMostUtilizedFirst()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 10, enrolled: 5);
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 9);
        await CreateSeatsCampaignAsync(globex, "Tree Planting", seats: 10, enrolled: 10);
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[role=meter]").Count));
        Assert.Equal("Your capacity at a glance", cut.Find("h1").TextContent);
        var labels = cut.FindAll("[role=meter]").Select(m => m.GetAttribute("aria-label")).ToList();
        Assert.Equal(["River Clean-up 90 % of 10", "Food Bank 50 % of 10"], labels);
        Assert.DoesNotContain("Tree Planting", cut.Markup);
        Assert.Contains("Acme: live utilization", cut.Markup);
        // The 90 % warning is addressed to company admins: it is among its recent alerts.
        var alerts = cut.Find("table[aria-label='Recent alerts']");
        Assert.Contains("River Clean-up", alerts.TextContent);
        Assert.Contains("90 %", alerts.TextContent);
        Assert.NotEmpty(cut.FindAll(".ca-legend"));
    }

    [Fact]
    public async Task Home_AsCompanyAdmin_ListsItsCapacityRequestsWithTheirState()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 10, enrolled: 5);
        var admin = new Actor("ca@acme.local", Roles.CompanyAdmin, acme);
        Assert.True((await Service<AlertService>().RequestCapacityAsync(admin, campaign.CampaignId, "Twenty more, please")).IsSuccess);
        SignInAs(Roles.CompanyAdmin, acme, admin.Name);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("Waiting for Customer Success", cut.Find("table[aria-label='Capacity requests']").TextContent));
        Assert.Contains("Food Bank", cut.Find("table[aria-label='Capacity requests']").TextContent);
    }

    [Fact]
    public async Task Home_AsCustomerSuccess_QueuesPoolsAt90PercentOrMoreEachOneClickFromItsCapacityForm()
    {
        var acme = await CreateCompanyAsync("Acme");
        var hot = await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 10);
        var warm = await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 10, enrolled: 9);
        await CreateSeatsCampaignAsync(acme, "Tree Planting", seats: 10, enrolled: 8);
        Assert.True((await Service<AlertService>().RequestCapacityAsync(new Actor("ca@acme.local", Roles.CompanyAdmin, acme), warm.CampaignId, null)).IsSuccess);
        SignInAs(Roles.CustomerSuccess);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("Customer Success workspace", cut.Find("h1").TextContent));
        var queue = cut.Find("table[aria-label='Campaigns at 90 % or more']");
        var rows = queue.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(["River Clean-up", "Food Bank"], rows);
        Assert.Equal($"campaigns/{hot.CampaignId}#capacity", queue.QuerySelector("a[aria-label='Adjust capacity of River Clean-up']")!.GetAttribute("href"));
        Assert.Contains("Food Bank", cut.Find("table[aria-label='Capacity requests waiting']").TextContent);
        Assert.Contains("River Clean-up", cut.Find("table[aria-label='Open alerts']").TextContent);
        Assert.Empty(cut.FindAll("[role=meter]"));
    }

    [Fact]
    public async Task Home_AsSales_ShowsThePipelineAndRanksItemsByLiveUtilization()
    {
        var acme = await CreateCompanyAsync("Acme");
        var first = await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 8);
        await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 20, enrolled: 16);
        // River Clean-up grows past its limit after its 80 % alert: ranked first, by today's figure.
        Assert.True((await Service<EnrollmentService>().BulkEnrollVolunteersAsync(Seeder, first.CampaignId, ["v-9", "v-10", "v-11"])).IsSuccess);
        SignInAs(Roles.Sales);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("Sales workspace", cut.Find("h1").TextContent));
        var pipeline = cut.Find("[aria-label='Upsell pipeline']");
        Assert.Contains("2", pipeline.QuerySelector("a[href='upsell?status=new']")!.TextContent);
        var top = cut.Find("table[aria-label='Top opportunities'] tbody tr");
        Assert.Contains("River Clean-up", top.TextContent);
        Assert.Contains("110 %", top.TextContent);
        Assert.Contains("80 % on", top.TextContent);
    }

    [Fact]
    public async Task Home_AsSales_HasNoAttentionQueueNorGauges()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 10);
        SignInAs(Roles.Sales);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("Sales workspace", cut.Find("h1").TextContent));
        Assert.Empty(cut.FindAll("table[aria-label='Campaigns at 90 % or more']"));
        Assert.Empty(cut.FindAll("[role=meter]"));
    }
}
