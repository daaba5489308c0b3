using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Layout;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Layout;

/// <summary>Each role sees the navigation entries of the pages it may open, and no others.</summary>
public sealed class NavMenuTests : ComponentTestBase
{
    private const string MyCampaigns = "My campaigns";
    private static readonly string[] AdministrationEntries = ["Users", "API keys", "Jobs", "Alert settings", "Membership settings"];

    private IReadOnlyList<string> LinksOf(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!.TrimStart('/')).ToList();

    [Fact]
    public void NavMenu_AsAdministrator_ShowsAdministrationAndStaffEntries()
    {
        SignInAs(Roles.Administrator);

        var menu = RenderInteractive<NavMenu>();

        var texts = TextsOf(menu.Nodes);
        Assert.Contains("Home", texts);
        Assert.All(AdministrationEntries, entry => Assert.Contains(entry, texts));
        Assert.Contains("Campaigns", texts);
        Assert.Contains("Alerts", texts);
        Assert.DoesNotContain(MyCampaigns, texts);
        var links = LinksOf(menu);
        Assert.Contains("admin/users", links);
        Assert.Contains("admin/api-keys", links);
        Assert.Contains("admin/jobs", links);
        Assert.Contains("admin/settings", links);
        Assert.Contains("admin/membership-settings", links);
    }

    [Theory]
    [InlineData(Roles.CustomerSuccess, true)]
    [InlineData(Roles.Sales, false)]
    public void NavMenu_AsInternalNonAdministrator_ShowsWorkEntriesButNoAdministration(string role, bool seesAlerts)
    {
        SignInAs(role);

        var menu = RenderInteractive<NavMenu>();

        var texts = TextsOf(menu.Nodes);
        Assert.Contains("Campaigns", texts);
        Assert.Contains("Upsell", texts);
        Assert.Equal(seesAlerts, texts.Contains("Alerts"));
        Assert.DoesNotContain(MyCampaigns, texts);
        Assert.All(AdministrationEntries, entry => Assert.DoesNotContain(entry, texts));
        Assert.DoesNotContain("Administration", texts);
    }

    [Fact]
    public void NavMenu_AsCompanyAdmin_ShowsOnlyOwnCampaignsAndBundles()
    {
        SignInAs(Roles.CompanyAdmin, Guid.NewGuid());

        var menu = RenderInteractive<NavMenu>();

        var texts = TextsOf(menu.Nodes);
        Assert.Contains("Home", texts);
        Assert.Contains(MyCampaigns, texts);
        Assert.Contains("Bundles", texts);
        Assert.DoesNotContain("Upsell", texts);
        Assert.DoesNotContain("Alerts", texts);
        Assert.All(AdministrationEntries, entry => Assert.DoesNotContain(entry, texts));
        Assert.Equal(["", "campaigns", "bundles"], LinksOf(menu));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CustomerSuccess)]
    [InlineData(Roles.Sales)]
    public void NavMenu_AsStaff_ShowsMembershipGroup(string role)
    {
        SignInAs(role);

        var menu = RenderInteractive<NavMenu>();

        var texts = TextsOf(menu.Nodes);
        Assert.Contains("Designations", texts);
        Assert.Contains("Level capacities", texts);
        Assert.Contains("Capacity history", texts);
        var links = LinksOf(menu);
        Assert.Contains("memberships", links);
        Assert.Contains("memberships/designations", links);
        Assert.Contains("memberships/level-capacities", links);
        Assert.Contains("memberships/history", links);
    }

    [Fact]
    public void NavMenu_AnyRole_NoLongerLinksTheDuplicateCatalog()
    {
        SignInAs(Roles.Administrator);

        var menu = RenderInteractive<NavMenu>();

        Assert.DoesNotContain("catalog", LinksOf(menu));
        Assert.DoesNotContain("Companies & campaigns", TextsOf(menu.Nodes));
    }
}
