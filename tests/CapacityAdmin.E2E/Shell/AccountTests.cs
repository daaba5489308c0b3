using System.Text.RegularExpressions;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.E2E.Infrastructure;
using CapacityAdmin.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E.Shell;

/// <summary>Accounts: a one-time password must be changed before anything else; revoking a user asks first.</summary>
public sealed class AccountTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private async Task<CreatedUser> CreateUserAsync(string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.local";
        var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(DomainSteps.Administrator, email, "Test Person", role, null);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        return created.Value;
    }

    private async Task<UserSummary> UserAsync(string id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserAdminService>().ListAsync(DomainSteps.Administrator)).Value!.Single(u => u.Id == id);
    }

    [Fact]
    public Task OneTimePassword_SignIn_ForcesAPasswordChangeBeforeAnyPage() => InBrowserAsync(async page =>
    {
        var created = await CreateUserAsync(Roles.Sales);
        await page.GotoAsync(Url("login"));
        await SubmitLoginAsync(page, created.User.Email, created.TemporaryPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose your own password");
        // Every other page sends the user back here.
        await page.GotoAsync(Url("upsell"));
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await AssertAccessibleAsync(page);

        // A mismatched confirmation is refused with a message, and nothing changes.
        await page.GetByLabel("Current password").FillAsync(created.TemporaryPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Own#Password2026");
        await page.GetByLabel("Confirm new password").FillAsync("Own#Password2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The new password and its confirmation differ.");
        Assert.True((await UserAsync(created.User.Id)).MustChangePassword);

        await page.GetByLabel("Current password").FillAsync(created.TemporaryPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Own#Password2026");
        await page.GetByLabel("Confirm new password").FillAsync("Own#Password2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?passwordChanged=1$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sales workspace");
        Assert.False((await UserAsync(created.User.Id)).MustChangePassword);
        await page.GotoAsync(Url("upsell"));
        await Expect(page).ToHaveURLAsync(Url("upsell"));
    });

    [Fact]
    public Task RevokeUser_CancelLeavesAccessThenConfirmRevokes() => InBrowserAsync(async page =>
    {
        var created = await CreateUserAsync(Roles.CustomerSuccess);
        await SignInAsync(page, DemoData.UserWithRole("Administrator"));
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
        await AssertAccessibleAsync(page);

        var revoke = page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {created.User.Email}" });
        await revoke.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Revoke {created.User.Email}'s access?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.False((await UserAsync(created.User.Id)).IsDisabled);

        await revoke.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Restore {created.User.Email}" })).ToBeVisibleAsync();
        Assert.True((await UserAsync(created.User.Id)).IsDisabled);
    });

    [Theory]
    [InlineData("admin/api-keys", "API keys")]
    [InlineData("admin/jobs", "Jobs")]
    [InlineData("admin/membership-settings", "Membership settings")]
    public Task AdminPage_AsAdministrator_IsAccessible(string path, string heading) => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("Administrator"));
        await page.GotoAsync(Url(path));
        await WaitForInteractivityAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await AssertAccessibleAsync(page);
    }, variant: heading);

    [Fact]
    public Task MembershipSettings_TypedLetter_IsReportedAtTheField() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("Administrator"));
        await page.GotoAsync(Url("admin/membership-settings"));
        await WaitForInteractivityAsync(page);

        var field = page.GetByLabel("Seat-lock timeout (minutes)");
        await field.FillAsync("5x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Expect(page.GetByText("'5x' is not a whole number of minutes.")).ToBeVisibleAsync();
        await Expect(field).ToHaveValueAsync("5x");
    });
}
