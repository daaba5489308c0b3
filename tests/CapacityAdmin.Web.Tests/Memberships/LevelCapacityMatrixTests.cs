using Bunit;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class LevelCapacityMatrixTests : MembershipComponentTestBase
{
    private async Task<IRenderedComponent<LevelCapacityMatrix>> RenderMatrixAsync(string role = Roles.CustomerSuccess)
    {
        await CreateCellAsync("GB", "General Body");
        await CreateCellAsync("WW", "Women Wing");
        await SetCapAsync("GB", Level.NATIONAL, null, 72);
        await SetCapAsync("GB", Level.ZONE, "SOUTH", 40);
        await SetCapAsync("WW", Level.ZONE, "NORTH", 12);
        SignInAs(role, name: "casey@test.local");
        var matrix = Render<LevelCapacityMatrix>();
        matrix.WaitForAssertion(() => Assert.NotEmpty(matrix.FindAll("table[aria-label='Caps by cell and zone'] tbody tr")));
        return matrix;
    }

    private static string ValueOf(IRenderedComponent<LevelCapacityMatrix> matrix, string cell, string column) =>
        matrix.Find($"input[name='{LevelCapacityMatrix.InputName(cell, column)}']").GetAttribute("value") ?? "";

    [Fact]
    public async Task Matrix_WithCaps_RendersCellsByNationalAndZonesWithValues()
    {
        var matrix = await RenderMatrixAsync();

        var headers = matrix.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Cell", "NATIONAL", "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL"], headers);
        var rows = matrix.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("General Body", rows[0].TextContent);
        Assert.Contains("Women Wing", rows[1].TextContent);
        Assert.Equal("72", ValueOf(matrix, "GB", "NATIONAL"));
        Assert.Equal("40", ValueOf(matrix, "GB", "SOUTH"));
        Assert.Equal("", ValueOf(matrix, "GB", "NORTH"));
        Assert.Equal("12", ValueOf(matrix, "WW", "NORTH"));
        Assert.Equal("", ValueOf(matrix, "WW", "NATIONAL"));
    }

    [Fact]
    public async Task Save_ChangedZoneWithReason_UpsertsThatCapOnly()
    {
        var matrix = await RenderMatrixAsync();

        matrix.Find($"input[name='{LevelCapacityMatrix.InputName("GB", "SOUTH")}']").Change("2");
        matrix.Find($"input[name='{LevelCapacityMatrix.InputName("WW", "EAST")}']").Change("7");
        matrix.Find("textarea[name=MatrixReason]").Change("Board decision 2026-04");
        matrix.Find("form").Submit();

        await WaitForCapAsync("WW", c => c.Zone == Domain.Geography.Zone.EAST && c.Capacity == 7);
        var gb = await CapsAsync("GB", Level.ZONE);
        Assert.Equal(2, Assert.Single(gb, c => c.Zone == Domain.Geography.Zone.SOUTH).Capacity);
        Assert.Equal(72, Assert.Single(await CapsAsync("GB", Level.NATIONAL)).Capacity);
        var changes = await Service<MembershipCatalogService>().ListChangesAsync("LEVEL");
        Assert.Contains(changes, c => c.NewValue == "2" && c.OldValue == "40" && c.Reason == "Board decision 2026-04" && c.ChangedBy == "casey@test.local");
        matrix.WaitForAssertion(() => Assert.Equal("2", ValueOf(matrix, "GB", "SOUTH")));
    }

    [Fact]
    public async Task Save_EmptiedValue_DeletesTheCap()
    {
        var matrix = await RenderMatrixAsync();

        matrix.Find($"input[name='{LevelCapacityMatrix.InputName("WW", "NORTH")}']").Change("");
        matrix.Find("textarea[name=MatrixReason]").Change("No zone cap for the wing");
        matrix.Find("form").Submit();

        await Poll.UntilAsync(async () => (await CapsAsync("WW", Level.ZONE)).Count == 0, "the WW zone cap to be deleted");
        Assert.Single(await CapsAsync("GB", Level.ZONE));
    }

    [Fact]
    public async Task Save_WithoutReason_IsBlockedAndWritesNothing()
    {
        var matrix = await RenderMatrixAsync();

        matrix.Find($"input[name='{LevelCapacityMatrix.InputName("GB", "SOUTH")}']").Change("2");
        matrix.Find("form").Submit();

        matrix.WaitForAssertion(() => Assert.Contains("A reason is required for every capacity change", matrix.Markup));
        Assert.Equal(40, Assert.Single(await CapsAsync("GB", Level.ZONE)).Capacity);
    }

    [Fact]
    public async Task Matrix_AsSales_IsReadOnly()
    {
        var matrix = await RenderMatrixAsync(Roles.Sales);

        Assert.All(matrix.FindAll("table input"), input => Assert.True(input.HasAttribute("disabled")));
        Assert.Empty(matrix.FindAll("textarea[name=MatrixReason]"));
        Assert.DoesNotContain("Save caps", matrix.Markup);
    }

    private Task WaitForCapAsync(string cell, Func<LevelCapacityView, bool> predicate) =>
        Poll.UntilAsync(async () => (await CapsAsync(cell, Level.ZONE)).Any(predicate), $"the {cell} zone cap to be saved");
}
