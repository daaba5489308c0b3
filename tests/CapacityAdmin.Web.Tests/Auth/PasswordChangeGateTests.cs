using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Auth;

/// <summary>A one-time password opens only the change-password page until the user has chosen their own.</summary>
public sealed class PasswordChangeGateTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private async Task<CreatedUser> CreateUserAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>()
            .CreateAsync(TestActors.Administrator, $"new-{Guid.NewGuid():N}@tests.local", "New Person", Roles.Sales, null);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        return created.Value;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(BrowserSession browser, IHtmlDocument page, string action, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == action);
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(values);
        return await browser.PostAsync(action, content);
    }

    [Fact]
    public async Task OneTimePassword_EveryPageAndTheCircuit_AreClosedUntilChanged()
    {
        var user = await CreateUserAsync();
        using var browser = new BrowserSession(app);
        var signedIn = await browser.SubmitLoginAsync(await browser.GetDocumentAsync("login"), user.User.Email, user.TemporaryPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var page in new[] { "/", "/upsell", "/admin/users" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(PasswordChangeGate.PagePath, response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", new StringContent(""))).StatusCode);

        var changePage = await browser.GetDocumentAsync("account/change-password");
        Assert.Contains("Choose your own password", changePage.QuerySelector("h1")!.TextContent);
        var changed = await PostFormAsync(browser, changePage, "account/change-password",
            ("currentPassword", user.TemporaryPassword), ("newPassword", "Own#Password2026"), ("confirmPassword", "Own#Password2026"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/?passwordChanged=1", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/upsell")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsRefusedAndTheGateStays()
    {
        var user = await CreateUserAsync();
        using var browser = new BrowserSession(app);
        await browser.SubmitLoginAsync(await browser.GetDocumentAsync("login"), user.User.Email, user.TemporaryPassword);

        var changePage = await browser.GetDocumentAsync("account/change-password");
        var refused = await PostFormAsync(browser, changePage, "account/change-password",
            ("currentPassword", "Wrong#Password1"), ("newPassword", "Own#Password2026"), ("confirmPassword", "Own#Password2026"));

        Assert.Equal("/account/change-password?error=current", refused.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }
}
