using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Campaigns;

namespace CapacityAdmin.Web.Tests.Campaigns;

public sealed class CampaignListTests : CampaignComponentTestBase
{
    [Fact]
    public async Task List_AsCompanyAdmin_ShowsOnlyOwnCompanysCampaigns()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        var own = await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 9);
        await CreateSeatsCampaignAsync(globex, "Food Bank", seats: 10, enrolled: 1);
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = Render<CampaignList>();

        cut.WaitForAssertion(() => Assert.Contains("1 of 1 campaigns", cut.Markup));
        Assert.Equal("My campaigns", cut.Find("h1").TextContent.Trim());
        var link = cut.FindAll("[aria-label='Campaigns'] a").Single(a => a.TextContent.Trim() == "River Clean-up");
        Assert.EndsWith($"campaigns/{own.CampaignId}", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("90 %", cut.Find("[aria-label='Campaigns'] tbody").TextContent);
        Assert.DoesNotContain("Food Bank", cut.Markup);
        Assert.DoesNotContain("Globex", cut.Markup);
    }

    [Fact]
    public async Task List_AsSales_ShowsEveryCompanyWithBands()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 9);
        await CreateSeatsCampaignAsync(globex, "Food Bank", seats: 10, enrolled: 10);
        SignInAs(Roles.Sales);

        var cut = Render<CampaignList>();

        cut.WaitForAssertion(() => Assert.Contains("2 of 2 campaigns", cut.Markup));
        var rows = cut.FindAll("[aria-label='Campaigns'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Globex", StringComparison.Ordinal) && r.Contains("Food Bank", StringComparison.Ordinal)
            && r.Contains("100 %", StringComparison.Ordinal) && r.Contains("at capacity", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Acme", StringComparison.Ordinal) && r.Contains("River Clean-up", StringComparison.Ordinal)
            && r.Contains("90 %", StringComparison.Ordinal) && r.Contains("near", StringComparison.Ordinal));
    }
}
