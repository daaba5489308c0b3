using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Alerts;

namespace CapacityAdmin.Web.Tests.Alerts;

public sealed class UpsellListTests : AlertComponentTestBase
{
    private const string Grid = "Upsell items";

    private async Task<(Guid Near, Guid Full)> ArrangeAsync()
    {
        var acme = await CreateCompanyAsync("Acme");
        var near = await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 8); // 80 %: an upsell opportunity
        var full = await CampaignWithAlertAsync(acme, "Tree Planting", enrolled: 10); // 100 %: for company admins and CS, not an upsell item
        return (near, full);
    }

    private async Task<UpsellItemView> UpsellItemAsync(Guid campaignId)
    {
        var list = await Service<AlertService>().ListUpsellAsync(Seeder, new UpsellQuery(), new PageRequest());
        return Assert.Single(list.Value!.Items, i => i.PoolId == campaignId);
    }

    [Fact]
    public async Task Upsell_AsSales_ShowsItemsWithCompanyLiveAndHistoricalUtilizationAndActions()
    {
        await ArrangeAsync();
        SignInAs(Roles.Sales);

        var cut = RenderPage<UpsellList>();

        cut.WaitForAssertion(() => Assert.Single(RowsOf(cut, Grid)));
        var row = RowsOf(cut, Grid).Single();
        Assert.Contains("Acme", row);
        Assert.Contains("River Clean-up", row);
        Assert.Contains("80 %", row);
        Assert.Contains("80%", row);
        Assert.Contains("just now", row);
        Assert.Contains("New", row);
        Assert.Contains("Utilization now", cut.Markup);
        Assert.Contains("At alert (history)", cut.Markup);
        Assert.DoesNotContain("Tree Planting", cut.Markup);
        Assert.Single(cut.FindAll("button[aria-label='Edit River Clean-up 80%']"));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains("Export CSV", StringComparison.Ordinal));
        Assert.True(Button(cut, "Change status of selected (0)").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Upsell_AfterMoreEnrollments_ShowsTheLiveFigureBesideTheHistoricalOne()
    {
        var (near, _) = await ArrangeAsync();
        var more = await Service<EnrollmentService>().BulkEnrollVolunteersAsync(Seeder, near, ["late-1", "late-2"]);
        Assert.Equal(2, more.Value!.Accepted);
        SignInAs(Roles.Sales);

        var cut = RenderPage<UpsellList>();

        cut.WaitForAssertion(() => Assert.Equal("100 %", cut.Find("[data-testid=live-utilization]").TextContent.Trim()));
        Assert.Contains("80 %", RowsOf(cut, Grid).Single());
        var campaign = await Service<CapacityQueryService>().GetCampaignStatusAsync(Seeder, near);
        Assert.Equal(1.00m, campaign.Value!.OverallUtilization);
    }

    [Fact]
    public async Task Edit_AsSales_SetsOwnerAndNotesThroughTheDialog()
    {
        var (near, _) = await ArrangeAsync();
        SignInAs(Roles.Sales, name: "sam@test.local");
        var cut = RenderPage<UpsellList>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Edit River Clean-up 80%']"));

        // Clicks run on the renderer's dispatcher, so no render can slip between finding a button and clicking it.
        await cut.InvokeAsync(() => cut.Find("button[aria-label='Edit River Clean-up 80%']").Click());
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Save"));
        Enter(Dialogs.Find(".mud-dialog input:not([type=hidden]):not([readonly])"), "Sam Sales");
        Enter(Dialogs.Find(".mud-dialog textarea"), "Call booked for Monday");
        await Dialogs.InvokeAsync(() => Button(Dialogs, "Save").Click());

        cut.WaitForAssertion(() => Assert.Contains("Sam Sales", RowsOf(cut, Grid).Single()));
        var item = await UpsellItemAsync(near);
        Assert.Equal(("Sam Sales", "Call booked for Monday", "sam@test.local"), (item.Owner, item.Notes, item.UpdatedBy));
    }

    [Fact]
    public async Task OwnerFilterFromUrl_MatchesPartOfTheNameIgnoringCase()
    {
        var (near, _) = await ArrangeAsync();
        var item = await UpsellItemAsync(near);
        Assert.True((await Service<AlertService>().UpdateUpsellAsync(Seeder, item.AlertId, new UpsellUpdate(Owner: "Sam Sales"))).IsSuccess);
        SignInAs(Roles.Sales);

        NavigateTo("upsell?owner=sam%20s");
        var match = RenderPage<UpsellList>();
        match.WaitForAssertion(() => Assert.Single(RowsOf(match, Grid)));

        NavigateTo("upsell?owner=dana");
        var none = Render<UpsellList>();
        none.WaitForAssertion(() => Assert.Contains("No upsell items match.", none.Markup));
    }

    [Fact]
    public async Task Selecting_AnItem_EnablesTheBulkStatusChange()
    {
        await ArrangeAsync();
        SignInAs(Roles.Sales);
        var cut = RenderPage<UpsellList>();
        cut.WaitForAssertion(() => Assert.Single(RowsOf(cut, Grid)));

        cut.FindAll(".mud-data-grid tbody input[type=checkbox]").First().Change(true);

        cut.WaitForAssertion(() => Assert.False(Button(cut, "Change status of selected (1)").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Upsell_AsCustomerSuccess_ShowsTheListWithEditing()
    {
        await ArrangeAsync();
        SignInAs(Roles.CustomerSuccess);

        var cut = RenderRoute<UpsellList>();

        cut.WaitForAssertion(() => Assert.Contains("River Clean-up", cut.Markup));
        Assert.Single(cut.FindAll("button[aria-label='Edit River Clean-up 80%']"));
    }

    [Fact]
    public async Task Upsell_AsCompanyAdmin_IsNotAuthorized()
    {
        var acme = await CreateCompanyAsync("Acme");
        await CampaignWithAlertAsync(acme, "River Clean-up", enrolled: 8);
        SignInAs(Roles.CompanyAdmin, acme);

        var cut = RenderRoute<UpsellList>();

        cut.WaitForAssertion(() => Assert.Equal("Not authorized", cut.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("River Clean-up", cut.Markup);
    }
}
