using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Tests.Hardening;

/// <summary>
/// Secure defaults in Production behind a TLS-terminating proxy on the same machine (loopback is a trusted proxy):
/// security headers on pages and API answers, Secure and SameSite cookies, HSTS, and a safe returnUrl.
/// </summary>
public sealed class SecureDefaultsTests : IAsyncLifetime
{
    private const string Host = "capacity.example.org";
    private readonly ProductionAppFactory _app = ProductionAppFactory.Create();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A request as the proxy forwards it: https on the public host.</summary>
    private HttpRequestMessage Proxied(HttpMethod method, string path, string? cookies = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = Host;
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies is not null) request.Headers.Add("Cookie", cookies);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";

    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static string CookieHeader(IEnumerable<string> setCookies) => string.Join("; ", setCookies.Select(c => c.Split(';')[0]));

    private async Task<(string Password, string Email)> CreateAdministratorAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(TestActors.Administrator, email, "Admin", Roles.Administrator, null);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        return (created.Value!.TemporaryPassword, email);
    }

    private async Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl)
    {
        var login = await _client.SendAsync(Proxied(HttpMethod.Get, "login"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var page = new HtmlParser().ParseDocument(await login.Content.ReadAsStringAsync());
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=password]") is not null);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => !string.IsNullOrEmpty(i.Name) && i.Name != "returnUrl")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("email", email)).Append(new("password", password)).Append(new("returnUrl", returnUrl));
        var post = Proxied(HttpMethod.Post, form.GetAttribute("action")!, CookieHeader(SetCookies(login)));
        post.Content = new FormUrlEncodedContent(fields);
        return await _client.SendAsync(post);
    }

    [Fact]
    public async Task LoginPage_InProduction_HasSecurityHeadersHstsAndASecureStrictAntiforgeryCookie()
    {
        var response = await _client.SendAsync(Proxied(HttpMethod.Get, "login"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"));
        var antiforgery = Assert.Single(SetCookies(response), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ApiAnswer_InProduction_HasNoSniffAndALockedDownPolicy()
    {
        var response = await _client.SendAsync(Proxied(HttpMethod.Get, "api/v1/companies"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task SignIn_InProduction_SetsASecureLaxHttpOnlyAuthCookie()
    {
        var (password, email) = await CreateAdministratorAsync();

        var response = await SignInAsync(email, password, "/campaigns");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/campaigns", response.Headers.Location?.OriginalString);
        var auth = Assert.Single(SetCookies(response), c => c.StartsWith("CapacityAdmin.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/campaigns\t")]
    [InlineData("/camp\r\naigns")]
    [InlineData("https://evil.example.org/")]
    [InlineData("//evil.example.org")]
    [InlineData("/\\evil.example.org")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_WithAnUnsafeReturnUrl_RedirectsHome(string returnUrl)
    {
        var (password, email) = await CreateAdministratorAsync();

        var response = await SignInAsync(email, password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Host_InProductionWithoutPublicBaseUrl_RefusesToStart()
    {
        await using var app = ProductionAppFactory.Create(withPublicBaseUrl: false);

        var error = await Record.ExceptionAsync(app.InitializeAsync);

        Assert.NotNull(error);
        Assert.Contains("App:PublicBaseUrl", (error as OptionsValidationException)?.Message ?? error.ToString());
    }
}
