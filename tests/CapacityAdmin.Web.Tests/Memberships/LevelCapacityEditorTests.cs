using Bunit;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class LevelCapacityEditorTests : MembershipComponentTestBase
{
    private async Task<IRenderedComponent<LevelCapacityEditor>> RenderEditorAsync(string role = Roles.CustomerSuccess)
    {
        await CreateCellAsync("GB", "General Body");
        await CreateCellAsync("WW", "Women Wing");
        await SetCapAsync("GB", Level.NATIONAL, null, 72);
        await SetCapAsync("GB", Level.ZONE, "SOUTH", 40);
        await SetCapAsync("WW", Level.ZONE, "NORTH", 12);
        SignInAs(role, name: "casey@test.local");
        var editor = RenderPage<LevelCapacityEditor>();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll("[aria-label='Caps by cell and zone'] tbody tr").Count));
        return editor;
    }

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<LevelCapacityEditor> editor, string cell, string column) =>
        editor.Find($"input[name='{LevelCapacityMatrix.InputName(cell, column)}']");

    private static void Reason(IRenderedComponent<LevelCapacityEditor> editor, string reason) =>
        editor.Find("[aria-label='Simple mode caps'] textarea").Input(reason);

    [Fact]
    public async Task Matrix_ShowsCellsByNationalAndZoneNames_WithTheirValues()
    {
        var editor = await RenderEditorAsync();

        var headers = editor.FindAll("[aria-label='Caps by cell and zone'] thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Cell", "National", "North", "South", "East", "West", "Central"], headers);
        Assert.Equal("72", Cell(editor, "GB", "NATIONAL").GetAttribute("value"));
        Assert.Equal("40", Cell(editor, "GB", "SOUTH").GetAttribute("value"));
        Assert.Equal("General Body South", Cell(editor, "GB", "SOUTH").GetAttribute("aria-label"));
        Assert.Equal("12", Cell(editor, "WW", "NORTH").GetAttribute("value"));
    }

    [Fact]
    public async Task Matrix_TypedLetter_IsKeptAndReported_AndNothingIsSaved()
    {
        var editor = await RenderEditorAsync();

        Cell(editor, "GB", "SOUTH").Input("4x");
        Reason(editor, "typo");
        ClickButton(editor, "Save caps");

        editor.WaitForAssertion(() => Assert.Contains("Enter a whole number (digits only)", editor.Markup));
        Assert.Equal("4x", Cell(editor, "GB", "SOUTH").GetAttribute("value"));
        Assert.Equal(40, (await CapsAsync("GB", Level.ZONE)).Single().Capacity);
    }

    [Fact]
    public async Task Matrix_SaveSeveralCells_WritesThemInOneBatchWithTheReason()
    {
        var editor = await RenderEditorAsync();

        Cell(editor, "GB", "SOUTH").Input("2");
        Cell(editor, "WW", "EAST").Input("7");
        Reason(editor, "Board decision 2026-04");
        ClickButton(editor, "Save caps");

        await Poll.UntilAsync(async () => (await CapsAsync("WW", Level.ZONE)).Any(c => c.Zone == Zone.EAST && c.Capacity == 7), "the WW east cap");
        Assert.Equal(2, (await CapsAsync("GB", Level.ZONE)).Single().Capacity);
        var history = Ok(await Service<MembershipCatalogService>().ListCapacityHistoryAsync(Seeder, new CapacityHistoryQuery(Search: "Board decision"), new()));
        Assert.Equal(2, history.Total);
        Assert.All(history.Items, c => Assert.Equal("casey@test.local", c.ChangedBy));
    }

    [Fact]
    public async Task Matrix_ClearingACell_AsksFirst_CancelKeepsTheCap_ConfirmRemovesIt()
    {
        var editor = await RenderEditorAsync();

        Cell(editor, "WW", "NORTH").Input("");
        Reason(editor, "No zone cap for the wing");
        ClickButton(editor, "Save caps");
        Assert.Contains("Women Wing North: 12 → no cap", Dialog().TextContent);
        ClickDialogButton("Cancel");
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[role=dialog]")));
        Assert.Single(await CapsAsync("WW", Level.ZONE));

        ClickButton(editor, "Save caps");
        ClickDialogButton("Remove cap");

        await Poll.UntilAsync(async () => (await CapsAsync("WW", Level.ZONE)).Count == 0, "the WW north cap to be removed");
        Assert.Single(await CapsAsync("GB", Level.ZONE));
    }

    [Fact]
    public async Task Matrix_RefusalInTheLastCell_NamesThatCell_AndSavesNothing()
    {
        var editor = await RenderEditorAsync();
        // Another administrator removes the WW north cap after the page loaded.
        Ok(await Service<MembershipCatalogService>().DeleteLevelCapacityAsync(Seeder, new LevelCapacityKey("WW", Level.ZONE, Zone: "NORTH"), "elsewhere"));

        Cell(editor, "GB", "SOUTH").Input("41");
        Cell(editor, "WW", "NORTH").Input("");
        Reason(editor, "review");
        ClickButton(editor, "Save caps");
        ClickDialogButton("Remove cap");

        editor.WaitForAssertion(() => Assert.Contains("There is no cap to remove.", Cell(editor, "WW", "NORTH").ParentElement!.ParentElement!.ParentElement!.TextContent));
        Assert.Equal(40, (await CapsAsync("GB", Level.ZONE)).Single().Capacity);
    }

    [Fact]
    public async Task Editor_AsSales_IsReadOnly()
    {
        var editor = await RenderEditorAsync(Roles.Sales);

        Assert.True(Cell(editor, "GB", "SOUTH").HasAttribute("disabled"));
        Assert.DoesNotContain(editor.FindAll("button"), b => b.TextContent.Trim() is "Save caps" or "Add cap" or "Edit" or "Remove");
    }
}
