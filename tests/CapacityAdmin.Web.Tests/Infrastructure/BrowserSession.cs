using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP session against the host, like a browser without JavaScript: reads the login form
/// (with its antiforgery token) and posts it. Redirects are returned, not followed.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    private readonly HttpClient _client;

    public BrowserSession(CapacityAppFactory app)
    {
        Cookies = new CookieContainer();
        _client = app.CreateHttpClient(Cookies);
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => _client.PostAsync(url, content);

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: expected 200, got {(int)response.StatusCode}: {html}");
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Submits the sign-in form found on <paramref name="loginPage"/> (its action and every hidden field, antiforgery included).</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(IHtmlDocument loginPage, string email, string password)
    {
        var form = FindLoginForm(loginPage);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("email", email))
            .Append(new("password", password));
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(form.GetAttribute("action"), content);
    }

    public static IHtmlFormElement FindLoginForm(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").SingleOrDefault(f => f.QuerySelector("input[name=password]") is not null)
        ?? throw new Xunit.Sdk.XunitException($"The page has no sign-in form: {page.DocumentElement.OuterHtml}");

    public void Dispose() => _client.Dispose();
}
