using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

public sealed class MembershipCapacityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    // Own codes, so that whatever membership seed data the app loads never meets this test's cell.
    private const string CellCode = "E2E-GB";
    private const string CellName = "E2E General Body";
    private const string DesignationCode = "E2E-PRES";
    private const string DesignationName = "E2E President";

    [Fact]
    public Task JoinDialog_AsCustomerSuccess_RefusedAtFullZoneCapThenJoinsAfterRaisingIt() => InBrowserAsync(async page =>
    {
        await ArrangeFullSouthCapAsync();
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));

        await Navigation(page).Locator("a[href='memberships']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("memberships"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Memberships");
        await WaitForInteractivityAsync(page);

        var dialog = await OpenJoinDialogAsync(page, "e2e-new-member");
        await Expect(dialog.GetByRole(AriaRole.Status, new() { Name = "Availability" })).ToContainTextAsync("1 used of 1 · 0 remaining");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        var refusal = dialog.GetByRole(AriaRole.Alert, new() { Name = "Join refused" });
        await Expect(refusal).ToContainTextAsync("NO_SEATS_LEVEL_AGGREGATE");
        await Expect(refusal).ToContainTextAsync("No seats left under the level cap");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Navigation(page).Locator("a[href='memberships/level-capacities']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("memberships/level-capacities"));
        var matrix = page.GetByRole(AriaRole.Region, new() { Name = "Simple mode caps" });
        var south = matrix.GetByLabel($"{CellName} SOUTH", new() { Exact = true });
        await Expect(south).ToHaveValueAsync("1");
        await south.FillAsync("2");
        await south.PressAsync("Tab");
        await Expect(matrix.GetByText("1 change pending")).ToBeVisibleAsync();
        await matrix.GetByLabel("Reason").FillAsync("Second seat for the south zone");
        await matrix.GetByRole(AriaRole.Button, new() { Name = "Save caps" }).ClickAsync();
        await Expect(matrix.GetByText("No changes")).ToBeVisibleAsync();
        await Expect(south).ToHaveValueAsync("2");

        await Navigation(page).Locator("a[href='memberships']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("memberships"));
        dialog = await OpenJoinDialogAsync(page, "e2e-new-member");
        await Expect(dialog.GetByRole(AriaRole.Status, new() { Name = "Availability" })).ToContainTextAsync("1 used of 2 · 1 remaining");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "e2e-new-member" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(DesignationCode);
        await Expect(row).ToContainTextAsync("SOUTH");
        await Expect(row).ToContainTextAsync("pending approval");
    });

    /// <summary>Opens the join dialog from the memberships page and fills member, cell, designation, ZONE and SOUTH.</summary>
    private static async Task<ILocator> OpenJoinDialogAsync(IPage page, string memberRef)
    {
        await WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join a member" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Member reference", new() { Exact = true }).FillAsync(memberRef);
        await ChooseAsync(page, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Cell", Exact = true }), CellName);
        await ChooseAsync(page, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Designation", Exact = true }), DesignationName);
        await ChooseAsync(page, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Level", Exact = true }), "ZONE");
        await ChooseAsync(page, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Zone", Exact = true }), "SOUTH");
        return dialog;
    }

    private static async Task ChooseAsync(IPage page, ILocator dropDown, string option)
    {
        await dropDown.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(dropDown).ToContainTextAsync(option);
    }

    /// <summary>Through the app's own domain services: a SOUTH state, the cell, a 5-seat designation, a ZONE cap of 1 in SOUTH, and one member holding it.</summary>
    private async Task ArrangeFullSouthCapAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var actor = new Actor("e2e-arrange", Roles.CustomerSuccess, null);
        var geography = await services.GetRequiredService<GeographyService>().UpsertAsync(actor,
            new GeographyUpsertRequest([new StateInput("E2E-KA", "E2E Karnataka", "SOUTH")], [], []));
        Assert.True(geography.IsSuccess, geography.Error?.Detail);
        var catalog = services.GetRequiredService<MembershipCatalogService>();
        var cell = await catalog.CreateCellAsync(actor, CellCode, CellName);
        Assert.True(cell.IsSuccess, cell.Error?.Detail);
        var designation = await catalog.CreateDesignationAsync(actor, new CreateDesignationRequest(DesignationCode, DesignationName, 5));
        Assert.True(designation.IsSuccess, designation.Error?.Detail);
        var cap = await catalog.UpsertLevelCapacityAsync(actor,
            new LevelCapacityRequest(new LevelCapacityKey(CellCode, Level.ZONE, Zone: "SOUTH"), 1, "e2e arrangement"));
        Assert.True(cap.IsSuccess, cap.Error?.Detail);
        var member = await services.GetRequiredService<MembershipService>().JoinAsync(actor,
            new JoinMembershipRequest("e2e-existing-member", new MembershipScope(CellCode, DesignationCode, Level.ZONE, "SOUTH"), Activate: true));
        Assert.True(member.IsSuccess, member.Error?.Detail);
    }
}
