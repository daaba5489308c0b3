using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CapacityAdmin.E2E;

/// <summary>
/// The served page must find its scripts and styles: blazor.web.js from the SDK's assets package,
/// the UI libraries' from their packages' static web assets. A 404 here means a page that looks right but never
/// becomes interactive.
/// </summary>
public sealed class StaticAssetTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("login")]
    [InlineData("")]
    public Task Page_ReferencedScriptsAndStylesheets_AnswerOk(string path) => InBrowserAsync(async page =>
    {
        if (path == "login") await page.GotoAsync(Url("login"));
        else await SignInAsync(page, DemoData.UserWithRole("Administrator"));

        var scripts = await page.Locator("script[src]").EvaluateAllAsync<string[]>("els => els.map(e => e.src)");
        var styles = await page.Locator("link[rel=stylesheet]").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");
        string[] assets = [.. scripts, .. styles];

        Assert.Contains(assets, a => a.EndsWith("/_framework/blazor.web.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("/_content/MudBlazor/MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("/_content/MudBlazor/MudBlazor.min.js", StringComparison.Ordinal));
        // MudBlazor is the only UI library left: no page asks for another package's assets.
        Assert.All(assets.Where(a => a.Contains("/_content/", StringComparison.Ordinal)),
            a => Assert.Contains("/_content/MudBlazor/", a, StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await page.APIRequest.GetAsync(asset);
            Assert.True(response.Status == 200, $"{asset} answered {response.Status}");
            Assert.NotEmpty(await response.BodyAsync());
        }
    }, variant: path == "" ? "home" : path);
}
