using System.Reflection;
using Bunit;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class MembershipListTests : MembershipComponentTestBase
{
    private MembershipView _pending = null!;
    private MembershipView _active = null!;
    private MembershipView _paying = null!;

    private async Task<IRenderedComponent<MembershipList>> RenderListAsync(string role)
    {
        await CreateCellAsync("GENERAL_BODY", "General Body");
        await CreateDesignationAsync("PRES", "President", 5);
        await CreateDesignationAsync("TREAS", "Treasurer", 5, fee: 1500m);
        _pending = await JoinAsync("pending-member", "GENERAL_BODY", "PRES", Level.ZONE, "SOUTH", activate: false);
        _active = await JoinAsync("active-member", "GENERAL_BODY", "PRES", Level.NATIONAL, null);
        _paying = Ok(await Service<MembershipService>().JoinAsync(new Actor("key", Roles.Integration, null),
            new JoinMembershipRequest("paying-member", new MembershipScope("GENERAL_BODY", "TREAS", Level.NATIONAL)))).Membership;
        SignInAs(role, name: "casey@test.local");
        var list = RenderPage<MembershipList>();
        list.WaitForAssertion(() => Assert.Equal(3, list.FindAll("tbody tr").Count));
        return list;
    }

    private void OpenActions(IRenderedComponent<MembershipList> list, string memberRef, string item)
    {
        list.Find($"[aria-label='Actions for {memberRef}'] button, button[aria-label='Actions for {memberRef}']").Click();
        Popovers.WaitForAssertion(() => Popovers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == item).Click());
    }

    [Fact]
    public async Task List_AsCustomerSuccess_ShowsNamesNotCodes_AndOneActionsMenuPerRow()
    {
        var list = await RenderListAsync(Roles.CustomerSuccess);

        var body = list.Find("tbody").TextContent;
        Assert.Contains("General Body", body);
        Assert.DoesNotContain("GENERAL_BODY", body);
        Assert.Contains("President", body);
        Assert.Contains("Pending approval", body);
        Assert.Contains("South", body);
        Assert.Contains("Join a member", list.Markup);
        Assert.Equal(3, list.FindAll("[aria-label^='Actions for']").Count(e => e.TagName == "BUTTON" || e.QuerySelector("button") is not null));
    }

    [Fact]
    public async Task List_AsSales_IsReadOnly()
    {
        var list = await RenderListAsync(Roles.Sales);

        Assert.Contains("pending-member", list.Markup);
        Assert.Empty(list.FindAll("[aria-label^='Actions for']"));
        Assert.DoesNotContain("Join a member", list.Markup);
    }

    [Fact]
    public async Task List_AsCompanyAdmin_HasNoAccess()
    {
        var roles = typeof(MembershipList).GetCustomAttribute<AuthorizeAttribute>()!.Roles!.Split(',');
        Assert.DoesNotContain(Roles.CompanyAdmin, roles);
        await CreateCellAsync("GENERAL_BODY", "General Body");
        await CreateDesignationAsync("PRES", "President", 5);
        await JoinAsync("someone", "GENERAL_BODY", "PRES", Level.NATIONAL, null);
        SignInAs(Roles.CompanyAdmin, companyId: Guid.NewGuid());

        var list = RenderPage<MembershipList>();

        list.WaitForAssertion(() => Assert.Contains("No memberships match", list.Markup));
        Assert.DoesNotContain("someone", list.Markup);
    }

    [Fact]
    public async Task SharedLink_WithSearchAndStatusInTheUrl_ShowsOnlyMatchingRows()
    {
        await CreateCellAsync("GENERAL_BODY", "General Body");
        await CreateDesignationAsync("PRES", "President", 5);
        await JoinAsync("anna-1", "GENERAL_BODY", "PRES", Level.NATIONAL, null);
        await JoinAsync("ANNA-2", "GENERAL_BODY", "PRES", Level.ZONE, "SOUTH", activate: false);
        await JoinAsync("bob-3", "GENERAL_BODY", "PRES", Level.ZONE, "NORTH");
        SignInAs(Roles.Sales);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("memberships?q=Anna&status=ACTIVE");

        var list = RenderPage<MembershipList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tbody tr")));
        Assert.Contains("anna-1", list.Find("tbody").TextContent);
    }

    [Fact]
    public async Task RecordPayment_Success_ActivatesWithTheProviderReference()
    {
        var list = await RenderListAsync(Roles.CustomerSuccess);

        OpenActions(list, "paying-member", "Record payment");
        TypeInDialog("Provider reference", "pay_123");
        ClickDialogButton("Record payment");

        await Poll.UntilAsync(async () => (await MembershipAsync(_paying.Id)).Status == MembershipStatus.ACTIVE, "_paying to become ACTIVE");
        var paid = await MembershipAsync(_paying.Id);
        Assert.Equal((PaymentStatus.SUCCESS, 1500m), (paid.PaymentStatus, paid.AmountPaid));
    }

    [Fact]
    public async Task Revoke_CancelChangesNothing_ConfirmWithReasonRevokes()
    {
        var list = await RenderListAsync(Roles.CustomerSuccess);

        OpenActions(list, "active-member", "Revoke");
        ClickDialogButton("Cancel");
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[role=dialog]")));
        Assert.Equal(MembershipStatus.ACTIVE, (await MembershipAsync(_active.Id)).Status);

        OpenActions(list, "active-member", "Revoke");
        ClickDialogButton("Revoke");
        Dialogs.WaitForAssertion(() => Assert.Contains("A reason is required", Dialog().TextContent));
        Assert.Equal(MembershipStatus.ACTIVE, (await MembershipAsync(_active.Id)).Status);
        TypeInDialog("Reason", "Left the organisation");
        ClickDialogButton("Revoke");

        await Poll.UntilAsync(async () => (await MembershipAsync(_active.Id)).Status == MembershipStatus.REVOKED, "_active to become REVOKED");
    }

    [Fact]
    public async Task Approve_PendingMember_BecomesActive()
    {
        var list = await RenderListAsync(Roles.CustomerSuccess);

        OpenActions(list, "pending-member", "Approve");
        TypeInDialog("Reason", "Checked documents");
        ClickDialogButton("Approve");

        await Poll.UntilAsync(async () => (await MembershipAsync(_pending.Id)).Status == MembershipStatus.ACTIVE, "_pending to become ACTIVE");
    }
}
