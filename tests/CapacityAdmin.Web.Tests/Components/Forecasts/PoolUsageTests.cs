using Bunit;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Forecasts;
using CapacityAdmin.Web.Tests.Alerts;
using HomePage = CapacityAdmin.Web.Components.Pages.Home.Home;

namespace CapacityAdmin.Web.Tests.Components.Forecasts;

/// <summary>The forecast components over the real domain and a real SQLite database.</summary>
public sealed class PoolUsageTests : AlertComponentTestBase
{
    [Fact]
    public async Task PoolUsage_CampaignEnrolledToday_ShowsSummaryChartAndTodaysFigures()
    {
        var acme = await CreateCompanyAsync("Acme");
        var campaign = await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 10, enrolled: 5);
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = Render<PoolUsageSection>(p => p.Add(u => u.PoolType, PoolType.Campaign).Add(u => u.PoolId, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("svg[role=img]")));
        Assert.Equal("Usage and forecast", cut.Find("h2").TextContent);
        Assert.Equal("Usage of Food Bank per day", cut.Find("figcaption").TextContent.Trim());
        var today = cut.FindAll("table.ca-usage-table tbody tr:not(.ca-usage-projected-row)")[^1].Children.Select(c => c.TextContent).ToList();
        Assert.Equal(["5", "10"], today.Skip(1).Take(2));
        // Created today: the basis is one day, so the five enrollments are the day's burn and it is full tomorrow.
        var figures = cut.FindAll("dl.ca-forecast-figures dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Contains("5 places per day, over the last 1 day", figures);
        Assert.Contains("1 day", figures);
    }

    [Fact]
    public async Task PoolUsage_OtherCompanysCampaign_IsNotShown()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        var campaign = await CreateSeatsCampaignAsync(globex, "Tree Planting", seats: 10, enrolled: 5);
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = Render<PoolUsageSection>(p => p.Add(u => u.PoolType, PoolType.Campaign).Add(u => u.PoolId, campaign.CampaignId));

        cut.WaitForAssertion(() => Assert.Contains("not available", cut.Markup));
        Assert.DoesNotContain("Tree Planting", cut.Markup);
        Assert.Empty(cut.FindAll("svg[role=img]"));
    }

    [Fact]
    public async Task Home_AsCompanyAdmin_ShowsDaysToFullUnderEachGauge()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 8);
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = Render<HomePage>();

        // 8 enrolled on the day it was created: 8 a day, full (10) tomorrow.
        cut.WaitForAssertion(() => Assert.Equal("full in 1 day", cut.Find(".ca-gauges li .ca-forecast-days").TextContent));
    }

    [Fact]
    public async Task Home_AsCustomerSuccess_ShowsAForecastColumnInTheAttentionQueue()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 10);
        SignInAs(Roles.CustomerSuccess);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("Forecast", cut.Find("table[aria-label='Campaigns at 90 % or more'] thead").TextContent));
        Assert.Equal("full now", cut.Find("table[aria-label='Campaigns at 90 % or more'] tbody .ca-forecast-days").TextContent);
    }
}
