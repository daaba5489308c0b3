using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Layout;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Layout;

/// <summary>Each role sees the navigation entries of the pages it may open, and no others.</summary>
public sealed class NavMenuTests : ComponentTestBase
{
    private const string CompaniesAndCampaigns = "Companies & campaigns";
    private const string MyCampaigns = "My campaigns";
    private static readonly string[] AdministrationEntries = ["Users", "API keys", "Jobs"];

    [Fact]
    public void NavMenu_AsAdministrator_ShowsAdministrationAndCatalog()
    {
        SignInAs(Roles.Administrator);

        var texts = TextsOf(RenderInteractive<NavMenu>().Nodes);

        Assert.Contains("Home", texts);
        Assert.All(AdministrationEntries, entry => Assert.Contains(entry, texts));
        Assert.Contains(CompaniesAndCampaigns, texts);
        Assert.DoesNotContain(MyCampaigns, texts);
    }

    [Theory]
    [InlineData(Roles.CustomerSuccess)]
    [InlineData(Roles.Sales)]
    public void NavMenu_AsInternalNonAdministrator_ShowsCatalogButNoAdministration(string role)
    {
        SignInAs(role);

        var texts = TextsOf(RenderInteractive<NavMenu>().Nodes);

        Assert.Contains(CompaniesAndCampaigns, texts);
        Assert.DoesNotContain(MyCampaigns, texts);
        Assert.All(AdministrationEntries, entry => Assert.DoesNotContain(entry, texts));
        Assert.DoesNotContain("Administration", texts);
    }

    [Fact]
    public void NavMenu_AsCompanyAdmin_ShowsOnlyOwnCampaigns()
    {
        SignInAs(Roles.CompanyAdmin, Guid.NewGuid());

        var texts = TextsOf(RenderInteractive<NavMenu>().Nodes);

        Assert.Contains("Home", texts);
        Assert.Contains(MyCampaigns, texts);
        Assert.DoesNotContain(CompaniesAndCampaigns, texts);
        Assert.All(AdministrationEntries, entry => Assert.DoesNotContain(entry, texts));
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
        var links = menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!.TrimStart('/')).ToList();
        Assert.Contains("memberships", links);
        Assert.Contains("memberships/designations", links);
        Assert.Contains("memberships/level-capacities", links);
    }

    [Theory]
    [InlineData(Roles.CompanyAdmin)]
    public void NavMenu_AsCompanyAdmin_HidesMembershipGroup(string role)
    {
        SignInAs(role, Guid.NewGuid());

        var menu = RenderInteractive<NavMenu>();

        Assert.DoesNotContain(menu.FindAll("a[href]"), a => a.GetAttribute("href")!.TrimStart('/').StartsWith("memberships", StringComparison.Ordinal));
        Assert.DoesNotContain("Level capacities", TextsOf(menu.Nodes));
    }

    [Fact]
    public void NavMenu_MenuEntries_LinkToTheirPages()
    {
        SignInAs(Roles.Administrator);

        var menu = RenderInteractive<NavMenu>();

        var links = menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!.TrimStart('/')).ToList();
        Assert.Contains("catalog", links);
        Assert.Contains("admin/users", links);
        Assert.Contains("admin/api-keys", links);
        Assert.Contains("admin/jobs", links);
    }
}
