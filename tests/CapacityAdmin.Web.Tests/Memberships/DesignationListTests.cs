using System.Reflection;
using Bunit;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace CapacityAdmin.Web.Tests.Memberships;

public sealed class DesignationListTests : MembershipComponentTestBase
{
    private async Task<IRenderedComponent<DesignationList>> RenderListAsync(string role = Roles.CustomerSuccess)
    {
        await CreateDesignationAsync("SEC", "Secretary", 8, fee: 1000m);
        Ok(await Service<MembershipCatalogService>().SetDesignationLevelCapacityAsync(Seeder, "SEC", Level.STATE, 2, "small states"));
        SignInAs(role, name: "casey@test.local");
        var list = RenderPage<DesignationList>();
        list.WaitForAssertion(() => Assert.Contains("Secretary", list.Find("tbody").TextContent));
        return list;
    }

    private async Task<DesignationView> SecretaryAsync() => (await Service<MembershipCatalogService>().ListDesignationsAsync(Seeder)).Value!.Single(d => d.Code == "SEC");

    [Fact]
    public async Task List_AsCustomerSuccess_ShowsOverridesAndEditing()
    {
        var list = await RenderListAsync();

        Assert.Contains("Add designation", list.Markup);
        Assert.Single(list.FindAll("button[aria-label='Edit Secretary']"));
        Assert.Contains("1,000.00", list.Find("tbody").TextContent);
        Assert.Equal("2", list.Find("tbody strong[title=override]").TextContent);
    }

    [Fact]
    public async Task List_AsSales_IsReadOnly_AndCompanyAdminsHaveNoAccess()
    {
        var list = await RenderListAsync(Roles.Sales);

        Assert.DoesNotContain("Add designation", list.Markup);
        Assert.Empty(list.FindAll("button[aria-label^='Edit']"));
        Assert.DoesNotContain(Roles.CompanyAdmin, typeof(DesignationList).GetCustomAttribute<AuthorizeAttribute>()!.Roles!.Split(','));
    }

    [Fact]
    public async Task Edit_ClearOverride_AsksFirst_CancelKeepsIt_ConfirmClearsIt()
    {
        var list = await RenderListAsync();

        list.Find("button[aria-label='Edit Secretary']").Click();
        Dialog().QuerySelector("button[aria-label='Clear State override']")!.Click();
        TypeInDialog("Reason", "Back to the default");
        ClickDialogButton("Save");
        Dialogs.WaitForAssertion(() => Assert.Contains("State override: 2 → cleared", Dialogs.FindAll("[role=dialog]").Last().TextContent));
        ClickDialogButton("Cancel");
        Assert.Equal(2, (await SecretaryAsync()).LevelCapacities[Level.STATE]);

        ClickDialogButton("Save");
        ClickDialogButton("Clear override");

        await Poll.UntilAsync(async () => !(await SecretaryAsync()).LevelCapacities.ContainsKey(Level.STATE), "the STATE override to be cleared");
    }

    [Fact]
    public async Task Edit_TypedLetterInCapacity_IsReported_AndNothingIsSaved()
    {
        var list = await RenderListAsync();

        list.Find("button[aria-label='Edit Secretary']").Click();
        TypeInDialog("Default capacity", "9a");
        TypeInDialog("Reason", "typo");
        ClickDialogButton("Save");

        Dialogs.WaitForAssertion(() => Assert.Contains("Enter a whole number (digits only)", Dialog().TextContent));
        Assert.Equal(8, (await SecretaryAsync()).DefaultCapacity);
    }

    [Fact]
    public async Task Edit_ValuesAndOverride_SavedTogetherAndRecorded()
    {
        var list = await RenderListAsync();

        list.Find("button[aria-label='Edit Secretary']").Click();
        TypeInDialog("Default capacity", "10");
        TypeInDialog("District override", "3");
        TypeInDialog("Reason", "Growth");
        ClickDialogButton("Save");

        await Poll.UntilAsync(async () => (await SecretaryAsync()).DefaultCapacity == 10, "the new default capacity");
        Assert.Equal(3, (await SecretaryAsync()).LevelCapacities[Level.DISTRICT]);
        var history = Ok(await Service<MembershipCatalogService>().ListCapacityHistoryAsync(Seeder, new CapacityHistoryQuery(Search: "Growth"), new()));
        Assert.Equal(2, history.Total);
    }

    [Fact]
    public async Task Add_NewDesignation_IsListed()
    {
        var list = await RenderListAsync();

        ClickButton(list, "Add designation");
        TypeInDialog("Code", "joint_sec");
        TypeInDialog("Name", "Joint Secretary");
        TypeInDialog("Default capacity", "12");
        TypeInDialog("Fee", "750");
        ClickDialogButton("Add designation");

        list.WaitForAssertion(() => Assert.Contains("Joint Secretary", list.Find("tbody").TextContent));
        var created = (await Service<MembershipCatalogService>().ListDesignationsAsync(Seeder)).Value!.Single(d => d.Code == "JOINT_SEC");
        Assert.Equal((12, 750m), (created.DefaultCapacity, created.Fee));
    }
}
