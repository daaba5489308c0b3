using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E.Infrastructure;

/// <summary>
/// Base for the browser tests: a fresh context per test (own cookies), the common steps (sign in, wait for
/// the circuit), and a screenshot in the test output folder when a test fails.
/// </summary>
[Collection(AppCollection.Name)]
public abstract class BrowserTest(AppFixture app, ITestOutputHelper output)
{
    protected AppFixture App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    protected string Url(string relative) => new Uri(App.BaseAddress, relative).ToString();

    /// <summary>Runs <paramref name="steps"/> in a new context and page; on failure saves a screenshot and rethrows.</summary>
    protected async Task InBrowserAsync(Func<IPage, Task> steps, string? variant = null, [CallerMemberName] string test = "")
    {
        await using var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000); // pages take longer than 15 s on a machine shared by many builds
        var page = await context.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch (Exception)
        {
            var name = Regex.Replace($"{GetType().Name}.{test}{(variant is null ? "" : "-" + variant)}", "[^A-Za-z0-9_.-]", "_");
            var file = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                Output.WriteLine($"Screenshot: {file} (page {page.Url})");
            }
            catch (PlaywrightException e)
            {
                Output.WriteLine($"No screenshot: {e.Message}");
            }
            throw;
        }
    }

    /// <summary>Fills and posts the login form (the page must be the login page).</summary>
    protected static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CapacityAdmin" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in from the login page and waits until the home page's circuit is live.</summary>
    protected async Task SignInAsync(IPage page, DemoUser user)
    {
        await page.GotoAsync(Url("login"));
        await SubmitLoginAsync(page, user.Email, user.Password);
        await Expect(page).ToHaveURLAsync(Url(""));
        await WaitForInteractivityAsync(page);
    }

    /// <summary>The sidebar landmark of MainLayout.</summary>
    protected static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    /// <summary>MainLayout sets data-interactive="true" once the circuit renders: before that, clicks go nowhere.</summary>
    protected static Task WaitForInteractivityAsync(IPage page) =>
        Expect(page.Locator("[data-interactive=\"true\"]")).ToBeAttachedAsync();

    /// <summary>
    /// Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any serious or critical
    /// violation, listing each with the selectors of the offending elements.
    /// </summary>
    protected async Task AssertAccessibleAsync(IPage page)
    {
        // Grids fade their loading bar and popovers animate: judge the page once it has settled, not mid-transition.
        await Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0);
        var serious = await SeriousViolationsAsync(page);
        if (serious.Count > 0)
        {
            Output.WriteLine($"axe, first pass: {string.Join(", ", serious.Select(v => v.Id))}; checking again once transitions end");
            await page.WaitForTimeoutAsync(1_000);
            serious = await SeriousViolationsAsync(page);
        }
        foreach (var violation in serious)
        {
            Output.WriteLine($"{violation.Impact}: {violation.Id} {violation.Help} -> " +
                string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString())));
        }
        Assert.True(serious.Count == 0,
            $"axe found {serious.Count} serious or critical violation(s) on {page.Url}: " + string.Join(", ", serious.Select(v => v.Id)));
    }

    private static async Task<List<Deque.AxeCore.Commons.AxeResultItem>> SeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
    }

    /// <summary>
    /// The page never scrolls sideways at the current viewport (wide grids scroll inside their own box). After a resize the
    /// layout reflows on the next render, so this waits for it before judging.
    /// </summary>
    protected static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        const string Fits = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth <= 1";
        try
        {
            await page.WaitForFunctionAsync(Fits, null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.Fail($"{page.Url} is {overflow}px wider than the viewport");
        }
    }
}
