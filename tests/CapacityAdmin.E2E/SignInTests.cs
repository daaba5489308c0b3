using System.Text.RegularExpressions;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>One path per role: sign in through the form, use the live circuit, sign out.</summary>
public sealed class SignInTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] AllNavigationLinks =
        ["Home", "My campaigns", "Campaigns", "Bundles", "Alerts", "Upsell", "Users", "API keys", "Jobs", "Alert settings", "Membership settings"];

    /// <summary>CampaignsLink opens the campaign list (titled the same) through the live circuit.</summary>
    private sealed record RoleExpectation(string Heading, string CampaignsLink, string[] NavigationLinks);

    private static readonly Dictionary<string, RoleExpectation> Expected = new()
    {
        ["Administrator"] = new("Administration", "Campaigns",
            ["Home", "Campaigns", "Bundles", "Alerts", "Upsell", "Users", "API keys", "Jobs", "Alert settings", "Membership settings"]),
        ["CustomerSuccess"] = new("Customer Success workspace", "Campaigns", ["Home", "Campaigns", "Bundles", "Alerts", "Upsell"]),
        ["Sales"] = new("Sales workspace", "Campaigns", ["Home", "Campaigns", "Bundles", "Upsell"]),
        ["CompanyAdmin"] = new("Your capacity at a glance", "My campaigns", ["Home", "My campaigns", "Bundles"]),
    };

    public static TheoryData<string> DemoRoles => new(DemoData.Users.Select(u => u.Role));

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public Task SignIn_AsDemoRole_LandsOnRoleHomeUsesCircuitAndSignsOut(string role) => InBrowserAsync(async page =>
    {
        var user = DemoData.UserWithRole(role);
        Assert.True(Expected.TryGetValue(role, out var expected), $"No expectations written for the demo role {role}.");

        // Anonymous: the home page sends the visitor to the login form.
        await page.GotoAsync(Url(""));
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2F$", RegexOptions.IgnoreCase));
        await SubmitLoginAsync(page, user.Email, user.Password);

        await Expect(page).ToHaveURLAsync(Url(""));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(expected.Heading);
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByText(user.DisplayName)).ToBeVisibleAsync();

        var navigation = Navigation(page);
        foreach (var link in AllNavigationLinks)
        {
            var entry = navigation.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
            if (expected.NavigationLinks.Contains(link)) await Expect(entry).ToBeVisibleAsync();
            else await Expect(entry).ToHaveCountAsync(0);
        }

        // Interactive navigation only works with a live circuit.
        await navigation.GetByRole(AriaRole.Link, new() { Name = expected.CampaignsLink, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("campaigns"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(expected.CampaignsLink);

        // Sign out: back on the login page, and the home page is closed again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Account menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?signedOut=1$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You have signed out.");
        await page.GotoAsync(Url(""));
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2F$", RegexOptions.IgnoreCase));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CapacityAdmin" })).ToBeVisibleAsync();
    }, variant: role);

    [Fact]
    public Task SignIn_WithWrongPassword_ShowsErrorAndStaysSignedOut() => InBrowserAsync(async page =>
    {
        var user = DemoData.UserWithRole("Sales");
        await page.GotoAsync(Url("login"));

        await SubmitLoginAsync(page, user.Email, user.Password + "-wrong");

        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?error=invalid"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not correct.");
        await page.GotoAsync(Url(""));
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2F$", RegexOptions.IgnoreCase));
    });

    [Fact]
    public Task Sidebar_ToggleButton_CollapsesAndExpandsNavigation() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("Sales"));
        var navigation = Navigation(page);
        // Closed, the navigation is inert and so absent from the accessibility tree: its attribute is checked by CSS.
        var drawer = page.Locator("nav[aria-label='Main navigation']");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(drawer).Not.ToHaveAttributeAsync("inert", new Regex(".*"));

        // Collapsed, the sidebar is inert: out of the tab order and the accessibility tree.
        await toggle.ClickAsync();
        await Expect(drawer).ToHaveAttributeAsync("inert", "");

        await toggle.ClickAsync();
        await Expect(drawer).Not.ToHaveAttributeAsync("inert", new Regex(".*"));
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Upsell", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("upsell"));
    });
}
