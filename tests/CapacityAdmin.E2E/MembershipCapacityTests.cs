using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>
/// The membership pages in Chromium as Customer Success: join, record payment, the two confirmations (cap removal,
/// clearing an override: Cancel changes nothing, confirming applies, checked through the domain), a typed letter in a
/// capacity cell, the phone layout and axe. Each test arranges its own cell and designation (unique codes), so tests
/// sharing the app never meet.
/// </summary>
public sealed class MembershipCapacityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly Actor Arranger = new("e2e-arrange", Roles.CustomerSuccess, null);

    [Fact]
    public Task JoinDialog_AsCustomerSuccess_RefusedAtFullZoneCapThenJoinsAfterRaisingIt() => InBrowserAsync(async page =>
    {
        var w = await ArrangeAsync(southCap: 1, existingMember: true);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));

        await page.GotoAsync(Url("memberships"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Memberships");
        var dialog = await OpenJoinDialogAsync(page, w, "e2e-new-member");
        await Expect(dialog.GetByRole(AriaRole.Status, new() { Name = "Availability" })).ToContainTextAsync("1 used of 1 · 0 remaining");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("The level cap of that unit is reached.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.GotoAsync(Url("memberships/level-capacities"));
        await WaitForInteractivityAsync(page);
        var matrix = page.GetByRole(AriaRole.Region, new() { Name = "Simple mode caps" });
        var south = matrix.GetByRole(AriaRole.Textbox, new() { Name = $"{w.CellName} South", Exact = true });
        await Expect(south).ToHaveValueAsync("1");
        await south.FillAsync("2");
        await Expect(matrix.GetByText("1 change pending")).ToBeVisibleAsync();
        await matrix.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync("Second seat for the south zone");
        await matrix.GetByRole(AriaRole.Button, new() { Name = "Save caps" }).ClickAsync();
        await Expect(matrix.GetByText("No changes")).ToBeVisibleAsync();
        await Expect(south).ToHaveValueAsync("2");

        await page.GotoAsync(Url("memberships"));
        dialog = await OpenJoinDialogAsync(page, w, "e2e-new-member");
        await Expect(dialog.GetByRole(AriaRole.Status, new() { Name = "Availability" })).ToContainTextAsync("1 used of 2 · 1 remaining");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        var members = await MembersAsync(w);
        Assert.Contains(members, m => m.MemberRef == "e2e-new-member" && m.Status == MembershipStatus.PENDING_APPROVAL && m.Zone == Zone.SOUTH);
    });

    [Fact]
    public Task RecordPayment_AsCustomerSuccess_ActivatesTheMembership() => InBrowserAsync(async page =>
    {
        var w = await ArrangeAsync(southCap: 5, existingMember: false, fee: 250m);
        var paying = await JoinAsync(w, "e2e-paying", activate: false);
        Assert.Equal(MembershipStatus.PENDING_PAYMENT, paying.Status);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));

        await page.GotoAsync(Url("memberships?q=e2e-paying"));
        await WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for e2e-paying" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Record payment" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Provider reference" }).FillAsync("pay_e2e_1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var paid = await MembershipAsync(paying.Id);
        Assert.Equal((MembershipStatus.ACTIVE, PaymentStatus.SUCCESS, 250m), (paid.Status, paid.PaymentStatus, paid.AmountPaid));
    });

    [Fact]
    public Task CapRemoval_CancelKeepsTheCap_ConfirmRemovesIt() => InBrowserAsync(async page =>
    {
        var w = await ArrangeAsync(southCap: 3, existingMember: false);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url("memberships/level-capacities"));
        await WaitForInteractivityAsync(page);
        var matrix = page.GetByRole(AriaRole.Region, new() { Name = "Simple mode caps" });
        var south = matrix.GetByRole(AriaRole.Textbox, new() { Name = $"{w.CellName} South", Exact = true });

        await south.FillAsync("");
        await matrix.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync("No zone cap any more");
        await matrix.GetByRole(AriaRole.Button, new() { Name = "Save caps" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync($"{w.CellName} South: 3 → no cap");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(3, (await SouthCapAsync(w))?.Capacity);

        await matrix.GetByRole(AriaRole.Button, new() { Name = "Save caps" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove cap" }).ClickAsync();
        await Expect(matrix.GetByText("No changes")).ToBeVisibleAsync();
        Assert.Null(await SouthCapAsync(w));
    });

    [Fact]
    public Task CapacityCell_TypedLetter_IsReportedAndKept() => InBrowserAsync(async page =>
    {
        var w = await ArrangeAsync(southCap: 3, existingMember: false);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url("memberships/level-capacities"));
        await WaitForInteractivityAsync(page);
        var matrix = page.GetByRole(AriaRole.Region, new() { Name = "Simple mode caps" });
        var south = matrix.GetByRole(AriaRole.Textbox, new() { Name = $"{w.CellName} South", Exact = true });

        await south.FillAsync("3x");

        await Expect(matrix.GetByText("Enter a whole number (digits only)")).ToBeVisibleAsync();
        await Expect(south).ToHaveValueAsync("3x");
        await Expect(south).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(3, (await SouthCapAsync(w))?.Capacity);
    });

    [Fact]
    public Task ClearOverride_CancelKeepsIt_ConfirmClearsIt() => InBrowserAsync(async page =>
    {
        var w = await ArrangeAsync(southCap: 3, existingMember: false);
        var catalog = Svc<MembershipCatalogService>();
        Assert.True((await catalog.SetDesignationLevelCapacityAsync(Arranger, w.Designation, Level.STATE, 2, "e2e arrangement")).IsSuccess);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url("memberships/designations"));
        await WaitForInteractivityAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {w.DesignationName}" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Dialog);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Clear State override" }).ClickAsync();
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync("Back to the default");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "State override: 2 → cleared" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(2, (await DesignationAsync(w)).LevelCapacities[Level.STATE]);

        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Clear override" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.False((await DesignationAsync(w)).LevelCapacities.ContainsKey(Level.STATE));
    });

    [Theory]
    [InlineData("memberships", "Memberships")]
    [InlineData("memberships/designations", "Designations")]
    [InlineData("memberships/level-capacities", "Level capacities")]
    [InlineData("memberships/history", "Capacity history")]
    public Task MembershipPage_IsAccessible_AndFitsAPhone(string path, string heading) => InBrowserAsync(async page =>
    {
        await ArrangeAsync(southCap: 3, existingMember: true);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));

        await page.GotoAsync(Url(path));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await AssertAccessibleAsync(page);

        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeInViewportAsync();
        await AssertNoSidewaysScrollAsync(page);
    }, variant: path.Replace('/', '-'));

    private static async Task<ILocator> OpenJoinDialogAsync(IPage page, World w, string memberRef)
    {
        await WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join a member" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Member reference" }).FillAsync(memberRef);
        await ChooseAsync(page, dialog, "Cell", w.CellName);
        await ChooseAsync(page, dialog, "Designation", w.DesignationName);
        await ChooseAsync(page, dialog, "Level", "Zone");
        await ChooseAsync(page, dialog, "Zone", "South");
        return dialog;
    }

    /// <summary>Opens the MudSelect labelled <paramref name="label"/> and picks <paramref name="option"/> from its popover.</summary>
    private static async Task ChooseAsync(IPage page, ILocator scope, string label, string option)
    {
        await scope.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>A domain service from its own scope (they are scoped; each call opens its own context anyway).</summary>
    private T Svc<T>() where T : notnull => App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private sealed record World(string Cell, string CellName, string Designation, string DesignationName);

    /// <summary>Through the app's own domain services: a cell and a designation of this test, a SOUTH state, a SOUTH zone cap.</summary>
    private async Task<World> ArrangeAsync(int southCap, bool existingMember, decimal fee = 0m)
    {
        var id = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var w = new World($"E2E-{id}", $"E2E Cell {id}", $"E2E-D-{id}", $"E2E Designation {id}");
        var services = App.Services.CreateScope().ServiceProvider;
        var geography = await services.GetRequiredService<GeographyService>().UpsertAsync(Arranger,
            new GeographyUpsertRequest([new StateInput("E2E-KA", "E2E Karnataka", "SOUTH")], [], []));
        Assert.True(geography.IsSuccess, geography.Error?.Detail);
        var catalog = services.GetRequiredService<MembershipCatalogService>();
        Assert.True((await catalog.CreateCellAsync(Arranger, w.Cell, w.CellName)).IsSuccess);
        Assert.True((await catalog.CreateDesignationAsync(Arranger, new CreateDesignationRequest(w.Designation, w.DesignationName, 5, fee))).IsSuccess);
        Assert.True((await catalog.SaveLevelCapacitiesAsync(Arranger, new LevelCapacityBatchRequest(
            [new LevelCapacityEdit(new LevelCapacityKey(w.Cell, Level.ZONE, Zone: "SOUTH"), southCap)], "e2e arrangement"))).IsSuccess);
        if (existingMember) await JoinAsync(w, "e2e-existing-member", activate: true);
        return w;
    }

    private async Task<MembershipView> JoinAsync(World w, string memberRef, bool activate)
    {
        var result = await Svc<MembershipService>().JoinAsync(Arranger,
            new JoinMembershipRequest(memberRef, new MembershipScope(w.Cell, w.Designation, Level.ZONE, "SOUTH"), Activate: activate));
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!.Membership;
    }

    private async Task<MembershipView> MembershipAsync(Guid id) =>
        (await Svc<MembershipService>().GetAsync(Arranger, id)).Value!;

    private async Task<IReadOnlyList<MembershipView>> MembersAsync(World w) =>
        (await Svc<MembershipService>().ListAsync(Arranger, new MembershipFilter(Cell: w.Cell), new PageRequest())).Value!.Items;

    private async Task<LevelCapacityView?> SouthCapAsync(World w) =>
        (await Svc<MembershipCatalogService>().ListLevelCapacitiesAsync(Arranger, w.Cell, Level.ZONE, new PageRequest()))
            .Value!.Items.SingleOrDefault(c => c.Zone == Zone.SOUTH);

    private async Task<DesignationView> DesignationAsync(World w) =>
        (await Svc<MembershipCatalogService>().ListDesignationsAsync(DomainSteps.Administrator)).Value!.Single(d => d.Code == w.Designation);
}
