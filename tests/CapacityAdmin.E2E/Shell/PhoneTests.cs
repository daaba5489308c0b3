using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E.Shell;

/// <summary>At 390×844 the navigation is a temporary drawer that closes after a choice, and the header fits.</summary>
public sealed class PhoneTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    public static TheoryData<string> DemoRoles => new(DemoData.Users.Select(u => u.Role));

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public Task Phone_NavigationClosesAfterAChoiceAndHeaderFits(string role) => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page, DemoData.UserWithRole(role));
        var navigation = Navigation(page);
        // Closed, the navigation is inert and so absent from the accessibility tree: its attribute is checked by CSS.
        var drawer = page.Locator("nav[aria-label='Main navigation']");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });

        await AssertNoSidewaysScrollAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => { const h = document.querySelector('.ca-appbar'); return h.scrollWidth <= h.clientWidth; }"),
            "The header is wider than the phone.");
        await Expect(drawer).ToHaveAttributeAsync("inert", "");

        await toggle.ClickAsync();
        await Expect(drawer).Not.ToHaveAttributeAsync("inert", new System.Text.RegularExpressions.Regex(".*"));
        var link = navigation.GetByRole(AriaRole.Link, new() { Name = "Bundles", Exact = true });
        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("bundles"));
        await Expect(drawer).ToHaveAttributeAsync("inert", "");
    }, variant: role);

    [Fact]
    public Task Phone_Dashboard_IsAccessible() => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page, DemoData.UserWithRole("CompanyAdmin"));

        await Expect(page.GetByRole(AriaRole.Meter).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    });
}
