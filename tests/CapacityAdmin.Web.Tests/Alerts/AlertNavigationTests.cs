using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Layout;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Alerts;

/// <summary>The alert entries of the navigation: Alerts for CS and Administrators, Upsell for Sales too, Settings for Administrators.</summary>
public sealed class AlertNavigationTests : ComponentTestBase
{
    [Theory]
    [InlineData(Roles.Administrator, true, true, true)]
    [InlineData(Roles.CustomerSuccess, true, true, false)]
    [InlineData(Roles.Sales, false, true, false)]
    [InlineData(Roles.CompanyAdmin, false, false, false)]
    public void NavMenu_PerRole_ShowsTheAlertPagesItMayOpen(string role, bool alerts, bool upsell, bool settings)
    {
        SignInAs(role, role == Roles.CompanyAdmin ? Guid.NewGuid() : null);

        var menu = RenderInteractive<NavMenu>();

        var links = menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!.TrimStart('/')).ToList();
        Assert.Equal(alerts, links.Contains("alerts"));
        Assert.Equal(upsell, links.Contains("upsell"));
        Assert.Equal(settings, links.Contains("admin/settings"));
        Assert.Equal(alerts, TextsOf(menu.Nodes).Contains("Alerts"));
    }
}
