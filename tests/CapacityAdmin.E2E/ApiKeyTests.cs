using Microsoft.Extensions.DependencyInjection;
using CapacityAdmin.Domain.Identity;
using System.Text.RegularExpressions;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

public sealed class ApiKeyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task ApiKey_CreatedThenRevokedInUi_ShowsSecretOnceThenRevoked() => InBrowserAsync(async page =>
    {
        var keyName = $"e2e-{Guid.NewGuid():N}"[..16];
        await SignInAsync(page, DemoData.UserWithRole("Administrator"));

        await page.GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Key name" }).FillAsync(keyName);
        await page.Locator("div.mud-select").Filter(new() { HasText = "Key role" }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Integration", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var secret = page.GetByText(new Regex("^cap_[A-Za-z0-9_-]{40,}$"));
        await Expect(page.GetByText("Key created")).ToBeVisibleAsync();
        await Expect(secret).ToBeVisibleAsync();
        var secretText = await secret.InnerTextAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName });
        await Expect(row).ToContainTextAsync("Integration");
        await Expect(row).ToContainTextAsync(secretText[..12]);
        Assert.DoesNotContain(secretText, await row.InnerTextAsync());

        // Cancel changes nothing: the key still works.
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Revoke '{keyName}'?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Null((await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync(DomainSteps.Administrator)).Value!.Single(k => k.Name == keyName).RevokedAt);
        await AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync($"Revoke '{keyName}'?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToHaveCountAsync(0);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync(DomainSteps.Administrator)).Value!.Single(k => k.Name == keyName).RevokedAt);
    });
}
