using Bunit;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;
using CapacityAdmin.Web.Tests.Infrastructure;
using Radzen;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class MembershipJoinDialogTests : MembershipComponentTestBase
{
    /// <summary>Cell GB, designation PRES (5 seats per scope), a ZONE cap for GB in SOUTH, and <paramref name="members"/> holding it.</summary>
    private async Task ArrangeSouthAsync(int southCap, int members)
    {
        await ArrangeGeographyAsync();
        await CreateCellAsync("GB", "General Body");
        await CreateDesignationAsync("PRES", "President", 5);
        await CreateDesignationAsync("SEC", "Secretary", 5);
        await SetCapAsync("GB", Level.ZONE, "SOUTH", southCap);
        for (var i = 1; i <= members; i++) await JoinAsync($"existing-{i}", "GB", "SEC", Level.ZONE, "SOUTH");
    }

    private IRenderedComponent<MembershipJoinDialog> RenderDialog(Level level = Level.ZONE, Zone? zone = null)
    {
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var dialog = Render<MembershipJoinDialog>(p => p
            .Add(x => x.Cell, "GB").Add(x => x.Designation, "PRES").Add(x => x.Level, level)
            .Add(x => x.Units, zone is { } z ? UnitChoice.Of(z, null, null, null) : null));
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[role=combobox][aria-label='Designation']")));
        return dialog;
    }

    private static string Figure(IRenderedComponent<MembershipJoinDialog> dialog, string label) =>
        dialog.Find($"[aria-label='Availability'] dd[aria-label='{label}']").TextContent.Trim();

    private async Task<IReadOnlyList<MembershipView>> MembershipsOfAsync(string memberRef)
    {
        var result = await Service<MembershipService>().ListAsync(Seeder, new MembershipFilter(MemberRef: memberRef), new PageRequest());
        return result.Value!.Items;
    }

    [Fact]
    public async Task Availability_ChoosingAZone_ShowsDesignationAndAggregateSeats()
    {
        await ArrangeSouthAsync(southCap: 3, members: 1);
        var dialog = RenderDialog(Level.ZONE);
        Assert.Contains("Choose a cell, a designation, a level and its unit", dialog.Find("[aria-label='Availability']").TextContent);

        await SelectAsync(dialog, "Zone", "SOUTH");

        dialog.WaitForAssertion(() => Assert.Equal("0 used of 5 · 5 remaining", Figure(dialog, "Designation seats")));
        Assert.Equal("1 used of 3 · 2 remaining", Figure(dialog, "Level aggregate"));

        await SelectAsync(dialog, "Zone", "NORTH");

        dialog.WaitForAssertion(() => Assert.Equal("no aggregate cap", Figure(dialog, "Level aggregate")));
        Assert.Equal("0 used of 5 · 5 remaining", Figure(dialog, "Designation seats"));
    }

    [Fact]
    public async Task Availability_DistrictLevel_CascadesStateThenDistrict()
    {
        await ArrangeSouthAsync(southCap: 3, members: 0);
        var dialog = RenderDialog(Level.DISTRICT);

        await SelectAsync(dialog, "State", "Karnataka");
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[role=option][aria-label='Bengaluru']")));
        await SelectAsync(dialog, "District", "Bengaluru");

        dialog.WaitForAssertion(() => Assert.Equal("0 used of 5 · 5 remaining", Figure(dialog, "Designation seats")));
        Assert.Equal("no aggregate cap", Figure(dialog, "Level aggregate"));
    }

    [Fact]
    public async Task Join_IntoFullAggregateCap_ShowsNoSeatsLevelAggregate()
    {
        await ArrangeSouthAsync(southCap: 1, members: 1);
        var dialog = RenderDialog(Level.ZONE, Zone.SOUTH);
        dialog.WaitForAssertion(() => Assert.Equal("1 used of 1 · 0 remaining", Figure(dialog, "Level aggregate")));

        dialog.Find("input[name=MemberRef]").Change("new-member");
        dialog.Find("form").Submit();

        dialog.WaitForAssertion(() => Assert.Contains("NO_SEATS_LEVEL_AGGREGATE", dialog.Find("[role=alert][aria-label='Join refused']").TextContent));
        Assert.Contains("No seats left under the level cap", dialog.Find("[role=alert][aria-label='Join refused']").TextContent);
        var message = Assert.Single(Service<NotificationService>().Messages);
        Assert.Equal(NotificationSeverity.Error, message.Severity);
        Assert.Equal("No seats left under the level cap (NO_SEATS_LEVEL_AGGREGATE)", message.Summary);
        Assert.Empty(await MembershipsOfAsync("new-member"));
    }

    [Fact]
    public async Task Join_WithRoomAndActivateNow_CreatesActiveMembership()
    {
        await ArrangeSouthAsync(southCap: 2, members: 1);
        var dialog = RenderDialog(Level.ZONE, Zone.SOUTH);
        dialog.WaitForAssertion(() => Assert.Equal("1 used of 2 · 1 remaining", Figure(dialog, "Level aggregate")));

        dialog.Find("input[name=MemberRef]").Change("new-member");
        dialog.Find("input[name=Activate]").Change(true);
        dialog.Find("form").Submit();

        await Poll.UntilAsync(async () => (await MembershipsOfAsync("new-member")).Count == 1, "the join");
        var joined = Assert.Single(await MembershipsOfAsync("new-member"));
        Assert.Equal((MembershipStatus.ACTIVE, "GB", "PRES", Level.ZONE, Zone.SOUTH, 1), (joined.Status, joined.Cell, joined.Designation, joined.Level, joined.Zone, joined.SeatSequence));
        dialog.WaitForAssertion(() => Assert.Contains(Service<NotificationService>().Messages, m => m.Summary == "Member joined"));
        Assert.Empty(dialog.FindAll("[role=alert][aria-label='Join refused']"));
    }

    [Fact]
    public async Task Join_IntoInactiveCell_ShowsCellInactive()
    {
        await ArrangeSouthAsync(southCap: 5, members: 0);
        var off = await Service<MembershipCatalogService>().SetCellActiveAsync(Seeder, "GB", false);
        Assert.True(off.IsSuccess);
        var dialog = RenderDialog(Level.NATIONAL);

        dialog.Find("input[name=MemberRef]").Change("new-member");
        dialog.Find("form").Submit();

        dialog.WaitForAssertion(() => Assert.Contains("The cell is inactive (CELL_INACTIVE)", dialog.Find("[role=alert][aria-label='Join refused']").TextContent));
        Assert.Empty(await MembershipsOfAsync("new-member"));
    }
}
