using Bunit;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Layout;
using CapacityAdmin.Web.Tests.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Components.Layout;

/// <summary>The shell: skip link first, named navigation landmark, main landmark, live-circuit marker, account menu.</summary>
public sealed class MainLayoutTests : CampaignComponentTestBase
{
    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }

    public MainLayoutTests() => Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>();

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Page</h1>"))));
    }

    [Fact]
    public void Layout_FirstFocusableElement_IsTheSkipLinkToMain()
    {
        SignInAs(Roles.Sales);

        var cut = RenderLayout();

        var first = cut.FindAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])").First();
        Assert.Equal("Skip to main content", first.TextContent);
        Assert.EndsWith("#main-content", first.GetAttribute("href"));
        Assert.Equal("main", cut.Find("#main-content").TagName.ToLowerInvariant());
        Assert.Contains("<h1>Page</h1>", cut.Find("main").InnerHtml);
    }

    [Fact]
    public void Layout_Interactive_MarksTheShellAndNamesTheNavigation()
    {
        SignInAs(Roles.CustomerSuccess);

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".ca-shell").GetAttribute("data-interactive")));
        var nav = cut.Find("nav[aria-label='Main navigation']");
        Assert.Contains("Campaigns", nav.TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Toggle navigation']"));
    }

    [Fact]
    public void Layout_ToggleButton_OpensAndClosesTheNavigationTakingItOutOfTheTabOrderWhenClosed()
    {
        SignInAs(Roles.Sales);
        var cut = RenderLayout();
        var toggle = () => cut.Find("button[aria-label='Toggle navigation']");
        // Where it starts depends on the screen width the browser reports; each click flips it.
        var openAtStart = toggle().GetAttribute("aria-expanded") == "true";
        Assert.Equal(!openAtStart, cut.Find("nav").HasAttribute("inert"));

        toggle().Click();

        Assert.Equal(openAtStart, cut.Find("nav").HasAttribute("inert"));
        Assert.Equal(openAtStart ? "false" : "true", toggle().GetAttribute("aria-expanded"));

        toggle().Click();

        Assert.Equal(!openAtStart, cut.Find("nav").HasAttribute("inert"));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CustomerSuccess)]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.CompanyAdmin)]
    public async Task Layout_EveryRole_HasTheBellAndTheAccountMenu(string role)
    {
        var company = role == Roles.CompanyAdmin ? await CreateCompanyAsync("Acme") : (Guid?)null;
        SignInAs(role, company, name: "alex@test.local");

        var cut = RenderLayout();

        Assert.NotNull(cut.Find("a.ca-alert-badge"));
        Assert.NotNull(cut.Find("button[aria-label='Account menu']"));
        Assert.Equal("alex@test.local", cut.Find(".ca-user-name").TextContent);
    }
}
