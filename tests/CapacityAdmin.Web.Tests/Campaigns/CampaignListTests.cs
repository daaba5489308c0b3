using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages;
using CapacityAdmin.Web.Components.Pages.Campaigns;
using CapacityAdmin.Domain.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

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

        var cut = RenderPage<CampaignList>();

        cut.WaitForAssertion(() => Assert.Contains("1 of 1 campaigns", cut.Find("[data-testid=campaign-count]").TextContent));
        Assert.Equal("My campaigns", cut.Find("h1").TextContent.Trim());
        var link = cut.FindAll("a").Single(a => a.TextContent.Trim() == "River Clean-up");
        Assert.EndsWith($"campaigns/{own.CampaignId}", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("90 %", Rows(cut).Single());
        Assert.DoesNotContain("Food Bank", cut.Markup);
        Assert.DoesNotContain("Globex", cut.Markup);
        Assert.Empty(cut.FindAll("[aria-label=Companies]"));
        Assert.Empty(cut.FindAll("[aria-label=Company]"));
    }

    [Fact]
    public async Task List_AsSales_ShowsEveryCompanyWithNamesBandsAndActions()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 9);
        var food = await CreateSeatsCampaignAsync(globex, "Food Bank", seats: 10, enrolled: 10);
        SignInAs(Roles.Sales);

        var cut = RenderPage<CampaignList>();

        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        var rows = Rows(cut);
        Assert.Contains(rows, r => r.Contains("Globex", StringComparison.Ordinal) && r.Contains("Food Bank", StringComparison.Ordinal)
            && r.Contains("Seats", StringComparison.Ordinal) && r.Contains("Active", StringComparison.Ordinal)
            && r.Contains("100 %", StringComparison.Ordinal) && r.Contains("at capacity", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Acme", StringComparison.Ordinal) && r.Contains("River Clean-up", StringComparison.Ordinal)
            && r.Contains("90 %", StringComparison.Ordinal) && r.Contains("near", StringComparison.Ordinal));
        Assert.DoesNotContain("SEATS", cut.Markup, StringComparison.Ordinal);
        var open = cut.Find("[aria-label='Open Food Bank']");
        Assert.EndsWith($"campaigns/{food.CampaignId}", open.GetAttribute("href"), StringComparison.Ordinal);
        // What /catalog used to add: the companies and their campaign counts.
        Assert.Contains("Companies (2)", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SearchFromUrl_MatchesCompanyNamesContainingIt()
    {
        var acme = await CreateCompanyAsync("Acme");
        var globex = await CreateCompanyAsync("Globex Corporation");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 1);
        await CreateSeatsCampaignAsync(globex, "Food Bank", seats: 10, enrolled: 1);
        SignInAs(Roles.CustomerSuccess);

        NavigateTo("campaigns?q=BEX%20corp");
        var cut = RenderPage<CampaignList>();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Contains("Food Bank", Rows(cut).Single(), StringComparison.Ordinal);
        Assert.Equal("BEX corp", cut.Find(".ca-search input").GetAttribute("value"));
    }

    [Fact]
    public async Task List_TypingInSearch_FiltersWithoutEnterAndKeepsItInTheUrl()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 1);
        await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 10, enrolled: 1);
        SignInAs(Roles.CustomerSuccess);
        var cut = RenderPage<CampaignList>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));

        Enter(cut.Find(".ca-search input"), "river");

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)), TimeSpan.FromSeconds(5));
        Assert.Contains("River Clean-up", Rows(cut).Single(), StringComparison.Ordinal);
        Assert.Contains("q=river", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StatusFilterFromUrl_ShowsOnlyThatStatus()
    {
        var acme = await CreateCompanyAsync("Acme");
        var paused = await CreateSeatsCampaignAsync(acme, "River Clean-up", seats: 10, enrolled: 1);
        await CreateSeatsCampaignAsync(acme, "Food Bank", seats: 10, enrolled: 1);
        var changed = await Service<CampaignService>().ChangeStatusAsync(Seeder, paused.CampaignId, CampaignStatus.Paused);
        Assert.True(changed.IsSuccess);
        SignInAs(Roles.CustomerSuccess);

        NavigateTo("campaigns?status=paused");
        var cut = RenderPage<CampaignList>();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Contains("River Clean-up", Rows(cut).Single(), StringComparison.Ordinal);
        Assert.Contains("Paused", Rows(cut).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_OldAddress_RedirectsToCampaigns()
    {
        SignInAs(Roles.CustomerSuccess);

        RenderPage<Catalog>();

        Assert.EndsWith("/campaigns", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    private static List<string> Rows(IRenderedComponent<CampaignList> cut) =>
        cut.FindAll(".mud-data-grid tbody tr").Select(r => r.TextContent)
            .Where(t => !t.Contains("No campaigns match", StringComparison.Ordinal)).Distinct().ToList();
}
