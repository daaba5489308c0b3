using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Alerts;

namespace CapacityAdmin.Web.Tests.Alerts;

public sealed class UpsellListTests : AlertComponentTestBase
{
    private const string Row = "[aria-label='Upsell items'] tbody tr";

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
    public async Task Upsell_AsSales_ShowsNearCapacityItemsWithCompanyUtilizationBandAgeAndStatus()
    {
        await ArrangeAsync();
        SignInAs(Roles.Sales);

        var cut = Render<UpsellList>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(Row)));
        var row = cut.Find(Row).TextContent;
        Assert.Contains("Acme", row);
        Assert.Contains("River Clean-up", row);
        Assert.Contains("80 %", row);
        Assert.Contains("80%", row);
        Assert.Contains("just now", row);
        Assert.Contains("new", row);
        Assert.DoesNotContain("Tree Planting", cut.Markup);
        Assert.Single(cut.FindAll("button[aria-label='Edit River Clean-up 80%']"));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains("Export CSV", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_AsSales_MovesToContactedWithOwnerAndNotes()
    {
        var (near, _) = await ArrangeAsync();
        SignInAs(Roles.Sales, name: "sam@test.local");
        var cut = RenderWithDialogs<UpsellList>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Edit River Clean-up 80%']"));

        var click = ClickAsync(cut.Find("button[aria-label='Edit River Clean-up 80%']"));
        cut.WaitForAssertion(() => cut.Find("form[aria-label='Edit upsell item']"));
        // Only the moves the workflow allows from new: stay, contacted, dismissed.
        var options = cut.FindAll("form[aria-label='Edit upsell item'] [role=option]").Select(o => o.GetAttribute("aria-label")).ToList();
        Assert.Equal(["New", "Contacted", "Dismissed"], options);
        await SelectAsync(cut, "Status", "Contacted");
        cut.Find("form[aria-label='Edit upsell item'] input[name=Owner]").Change("Sam Sales");
        cut.Find("form[aria-label='Edit upsell item'] textarea[name=Notes]").Change("Call booked for Monday");
        cut.Find("form[aria-label='Edit upsell item']").Submit();
        await click;

        var item = await UpsellItemAsync(near);
        Assert.Equal((UpsellStatus.Contacted, "Sam Sales", "Call booked for Monday", "sam@test.local"), (item.Status, item.Owner, item.Notes, item.UpdatedBy));
        cut.WaitForAssertion(() =>
        {
            var row = cut.Find(Row).TextContent;
            Assert.Contains("contacted", row);
            Assert.Contains("Sam Sales", row);
            Assert.Contains("Call booked for Monday", row);
        });
    }

    [Fact]
    public async Task Edit_ContactedItem_OffersOnlyItsNextMoves()
    {
        var (near, _) = await ArrangeAsync();
        var item = await UpsellItemAsync(near);
        var moved = await Service<AlertService>().UpdateUpsellAsync(Seeder, item.AlertId, new UpsellUpdate(UpsellStatus.Contacted));
        Assert.True(moved.IsSuccess, moved.Error?.Detail);
        var contacted = await UpsellItemAsync(near);
        SignInAs(Roles.Sales);

        var dialog = Render<UpsellEditDialog>(p => p.Add(x => x.Item, contacted));

        Assert.Equal(["Contacted", "Won", "Lost", "Dismissed"],
            dialog.FindAll("[role=option]").Select(o => o.GetAttribute("aria-label")));
    }

    [Fact]
    public async Task Upsell_AsCustomerSuccess_ShowsTheListWithEditing()
    {
        await ArrangeAsync();
        SignInAs(Roles.CustomerSuccess);

        var cut = RenderRoute<UpsellList>();

        cut.WaitForAssertion(() => Assert.Contains("River Clean-up", cut.Find("[aria-label='Upsell items']").TextContent));
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
