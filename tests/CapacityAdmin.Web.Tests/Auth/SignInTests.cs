using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Auth;

/// <summary>Cookie sign-in for people: the pages need a signed-in user, the login form posts with antiforgery, lockout after 5 failures.</summary>
public sealed class SignInTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task Home_Anonymous_RedirectsToLoginWithReturnUrl()
    {
        var response = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.ServerAddress, response.Headers.Location!);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Contains("ReturnUrl=%2F", location.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminPage_Anonymous_RedirectsToLoginWithThatReturnUrl()
    {
        var response = await app.Client.GetAsync("admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.ServerAddress, response.Headers.Location!);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fusers", location.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_Anonymous_Is200WithSignInForm()
    {
        using var browser = new BrowserSession(app);

        var page = await browser.GetDocumentAsync("login");

        var form = BrowserSession.FindLoginForm(page);
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.NotNull(form.QuerySelector("input[name=email]"));
        Assert.NotNull(form.QuerySelector("input[name=password][type=password]"));
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]");
        Assert.False(string.IsNullOrEmpty(token?.Value), "The sign-in form carries no antiforgery token.");
        Assert.Contains("Sign in", page.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithDemoCredentials_RedirectsHomeAndCookieOpensHome()
    {
        using var browser = new BrowserSession(app);
        var login = await browser.GetDocumentAsync("login");

        var response = await browser.SubmitLoginAsync(login, DemoData.Administrator.Email, DemoData.Administrator.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(browser.Cookies.GetAllCookies(), c => c.Name == "CapacityAdmin.Auth");
        var home = await browser.GetDocumentAsync("/");
        Assert.Contains(DemoData.Administrator.DisplayName, home.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithReturnUrl_RedirectsBackThere()
    {
        using var browser = new BrowserSession(app);
        var login = await browser.GetDocumentAsync("login?ReturnUrl=%2Fcampaigns");

        var response = await browser.SubmitLoginAsync(login, DemoData.AcmeAdmin.Email, DemoData.AcmeAdmin.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/campaigns", response.Headers.Location?.OriginalString);
        var campaigns = await browser.GetDocumentAsync("campaigns");
        Assert.Contains("My campaigns", campaigns.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var browser = new BrowserSession(app);
        await browser.GetDocumentAsync("login");
        using var client = app.CreateHttpClient(browser.Cookies);
        using var form = new FormUrlEncodedContent([
            new("email", DemoData.Administrator.Email), new("password", DemoData.Administrator.Password), new("returnUrl", "/"),
        ]);

        var response = await client.PostAsync("account/login", form);

        // Refused outright; before the status-pages fix this bounced to /login?ReturnUrl=/not-found.
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{(int)response.StatusCode} -> {response.Headers.Location}");
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "CapacityAdmin.Auth");
    }

    [Fact]
    public async Task UnknownPage_SignedIn_Is404WithNotFoundPage()
    {
        using var browser = new BrowserSession(app);
        var login = await browser.GetDocumentAsync("login");
        Assert.Equal(HttpStatusCode.Redirect,
            (await browser.SubmitLoginAsync(login, DemoData.CustomerSuccess.Email, DemoData.CustomerSuccess.Password)).StatusCode);

        var response = await browser.GetAsync("no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccount()
    {
        // The Sales demo user is used by no other test of this host.
        using var browser = new BrowserSession(app);
        var page = await browser.GetDocumentAsync("login");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await browser.SubmitLoginAsync(page, DemoData.Sales.Email, "Wrong#Password1");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            page = await browser.GetDocumentAsync(response.Headers.Location!.OriginalString);
            var message = page.QuerySelector("[role=alert]")?.TextContent ?? "";
            if (attempt < 5) Assert.Contains("email or password is not correct", message);
            else Assert.Contains("locked", message);
        }

        // Locked means locked: the right password is refused too, and no auth cookie is issued.
        var correct = await browser.SubmitLoginAsync(page, DemoData.Sales.Email, DemoData.Sales.Password);
        Assert.Contains("error=locked", correct.Headers.Location?.OriginalString);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "CapacityAdmin.Auth");
    }
}
