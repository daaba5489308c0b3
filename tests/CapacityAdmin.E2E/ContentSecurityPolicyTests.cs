using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CapacityAdmin.E2E;

/// <summary>
/// The pages work under the Content-Security-Policy the app sends (docs/decisions.md "Hardening"): Chromium reports no
/// violation while the pages render and their circuits start.
/// </summary>
public sealed class ContentSecurityPolicyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] Pages = ["", "campaigns", "bundles", "catalog", "alerts", "upsell", "memberships", "memberships/designations", "memberships/level-capacities", "admin/users", "admin/api-keys", "admin/jobs", "admin/settings"];

    [Fact]
    public Task Pages_AsAdministrator_RenderWithoutPolicyViolations() => InBrowserAsync(async page =>
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: page error {error}");

        var login = await page.GotoAsync(Url("login"));
        Assert.Contains("frame-ancestors 'none'", await login!.HeaderValueAsync("content-security-policy") ?? "");
        await SignInAsync(page, DemoData.UserWithRole("Administrator"));
        foreach (var path in Pages)
        {
            var response = await page.GotoAsync(Url(path));
            Assert.NotNull(await response!.HeaderValueAsync("content-security-policy"));
            await WaitForInteractivityAsync(page);
        }

        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    });
}
