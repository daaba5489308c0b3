using Bunit;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class CapacityHistoryTests : MembershipComponentTestBase
{
    [Theory]
    [InlineData(Roles.CustomerSuccess)]
    [InlineData(Roles.Sales)]
    public async Task History_ShowsWhoWhenOldNewAndReason_WithNames(string role)
    {
        await CreateCellAsync("GB", "General Body");
        await CreateDesignationAsync("SEC", "Secretary", 8);
        var catalog = Service<MembershipCatalogService>();
        Ok(await catalog.SaveDesignationAsync(Seeder, "SEC", new DesignationEdit(9, null, null, new Dictionary<Level, int?> { [Level.STATE] = 2 }, "Board 12")));
        Ok(await catalog.SaveLevelCapacitiesAsync(Seeder, new LevelCapacityBatchRequest([new LevelCapacityEdit(new LevelCapacityKey("GB", Level.ZONE, Zone: "SOUTH"), 40)], "Zone plan")));
        SignInAs(role);

        var page = RenderPage<CapacityHistory>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var rows = page.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("General Body · Zone South cap") && r.Contains("no cap") && r.Contains("40") && r.Contains("Zone plan") && r.Contains("seeder@test.local"));
        Assert.Contains(rows, r => r.Contains("Secretary · State override") && r.Contains("default") && r.Contains("2") && r.Contains("Board 12"));
        Assert.Contains(rows, r => r.Contains("Secretary · default capacity") && r.Contains("8") && r.Contains("9"));
    }
}
