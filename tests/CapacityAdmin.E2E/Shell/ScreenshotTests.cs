using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E.Shell;

/// <summary>
/// The README pictures: each demo role's dashboard at 1280 wide. <c>scripts/screenshots.sh</c> runs only this category,
/// with the demo usage seeded and <c>CAPACITY_SCREENSHOTS_DIR</c> pointing at <c>docs/images</c>; in a normal run the
/// files go to the test output folder.
/// </summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    public static TheoryData<string> DemoRoles => new(DemoData.Users.Select(u => u.Role));

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public Task Screenshot_DemoRoleDashboard_IsWritten(string role) => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(1280, 800);
        await SignInAsync(page, DemoData.UserWithRole(role));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var directory = Environment.GetEnvironmentVariable("CAPACITY_SCREENSHOTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"dashboard-{role.ToLowerInvariant()}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });

        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is suspiciously small.");
        Output.WriteLine($"Screenshot: {file}");
    }, variant: role);
}
