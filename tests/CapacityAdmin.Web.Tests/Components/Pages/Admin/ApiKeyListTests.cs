using CapacityAdmin.Web.Tests.Infrastructure;
using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using CapacityAdmin.Web.Tests.Campaigns;
using MudBlazor;

namespace CapacityAdmin.Web.Tests.Components.Pages.Admin;

/// <summary>Revoking a key asks first: Cancel leaves the key working, confirming revokes it (checked in the database).</summary>
public sealed class ApiKeyListTests : CampaignComponentTestBase
{
    /// <summary>The page under MudBlazor's dialog host, as the layout renders it.</summary>
    private sealed class PageWithDialogs : ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ApiKeyList>(1);
            builder.CloseComponent();
        }
    }

    private IRenderedComponent<PageWithDialogs> RenderPage() => Render<PageWithDialogs>();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<PageWithDialogs> page, string text) =>
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task Revoke_CancelThenConfirm_ChangesNothingThenRevokes()
    {
        var created = await Service<ApiKeyService>().CreateAsync(TestActors.Administrator, "Sign-up site", Roles.Integration, null);
        Assert.True(created.IsSuccess);
        SignInAs(Roles.Administrator, name: "admin@test.local");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Contains("Sign-up site", page.Markup));

        page.Find("button[aria-label='Revoke Sign-up site']").Click();
        page.WaitForAssertion(() => Assert.Contains("Systems using it are refused", page.Markup));
        Button(page, "Cancel").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Systems using it are refused", page.Markup));
        Assert.Null((await Service<ApiKeyService>().ListAsync(TestActors.Administrator)).Value!.Single().RevokedAt);

        page.Find("button[aria-label='Revoke Sign-up site']").Click();
        page.WaitForAssertion(() => Assert.Contains("Systems using it are refused", page.Markup));
        Button(page, "Revoke").Click();

        page.WaitForAssertion(() => Assert.NotNull(Service<ApiKeyService>().ListAsync(TestActors.Administrator).GetAwaiter().GetResult().Value!.Single().RevokedAt));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("button[aria-label='Revoke Sign-up site']")));
    }
}
