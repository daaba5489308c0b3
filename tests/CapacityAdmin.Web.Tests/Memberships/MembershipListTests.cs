using Bunit;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class MembershipListTests : MembershipComponentTestBase
{
    private async Task<IRenderedComponent<MembershipList>> RenderListAsync(string role)
    {
        await CreateCellAsync("GB", "General Body");
        await CreateDesignationAsync("PRES", "President", 5);
        var pending = await Service<MembershipService>().JoinAsync(Seeder,
            new JoinMembershipRequest("pending-member", new MembershipScope("GB", "PRES", Level.ZONE, "SOUTH")));
        Assert.True(pending.IsSuccess, pending.Error?.Detail);
        await JoinAsync("active-member", "GB", "PRES", Level.NATIONAL, null);
        SignInAs(role);
        var list = Render<MembershipList>();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tbody tr").Count));
        return list;
    }

    [Fact]
    public async Task List_AsCustomerSuccess_ShowsRowsWithActionsByStatus()
    {
        var list = await RenderListAsync(Roles.CustomerSuccess);

        Assert.Contains("pending approval", list.Find("tbody").TextContent);
        Assert.Single(list.FindAll("button[aria-label='Approve pending-member']"));
        Assert.Empty(list.FindAll("button[aria-label='Approve active-member']"));
        Assert.Single(list.FindAll("button[aria-label='Revoke active-member']"));
        Assert.Single(list.FindAll("button[aria-label='Reassign active-member']"));
        Assert.Empty(list.FindAll("button[aria-label^='Reactivate']"));
        Assert.Contains("Join a member", list.Markup);
    }

    [Fact]
    public async Task List_AsSales_IsReadOnly()
    {
        var list = await RenderListAsync(Roles.Sales);

        Assert.Contains("pending-member", list.Markup);
        Assert.Contains("active-member", list.Markup);
        Assert.Empty(list.FindAll("button[aria-label^='Approve'], button[aria-label^='Revoke'], button[aria-label^='Reassign']"));
        Assert.DoesNotContain("Join a member", list.Markup);
    }
}
