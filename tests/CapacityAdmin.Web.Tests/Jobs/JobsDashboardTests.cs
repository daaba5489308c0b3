using System.Net;
using System.Text.RegularExpressions;
using CapacityAdmin.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary>The Hangfire dashboard at <c>/admin/hangfire</c>: Administrators only, actions protected by antiforgery.</summary>
public sealed partial class JobsDashboardTests : IAsyncLifetime
{
    // A schedule that never fires during the test, so the only runs are the ones the dashboard triggers.
    private readonly CapacityAppFactory _app = CapacityAppFactory.Create(new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:ThresholdScan:Cron"] = "0 0 1 1 *",
    });

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> SignedInAsync(DemoData.DemoUser user)
    {
        var browser = new BrowserSession(_app);
        var response = await browser.SubmitLoginAsync(await browser.GetDocumentAsync("login"), user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return _app.CreateHttpClient(browser.Cookies);
    }

    private string? LastJobId()
    {
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs(["threshold-scan"]).Single().LastJobId;
    }

    [Fact]
    public async Task Dashboard_Administrator_Is200()
    {
        using var admin = await SignedInAsync(DemoData.Administrator);

        var response = await admin.GetAsync("admin/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("CapacityAdmin jobs", html);
        Assert.Contains("threshold-scan", html);
        Assert.Contains("alert-dispatch", html);
    }

    [Fact]
    public async Task Dashboard_Anonymous_IsSentToSignIn()
    {
        var response = await _app.Client.GetAsync("admin/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(_app.ServerAddress, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_Sales_IsRefused()
    {
        using var sales = await SignedInAsync(DemoData.Sales);

        var page = await sales.GetAsync("admin/hangfire");
        var stats = await sales.PostAsync("admin/hangfire/stats", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/access-denied", new Uri(_app.ServerAddress, page.Headers.Location!).AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, stats.StatusCode);
        Assert.DoesNotContain("threshold-scan", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_AdministratorKey_IsNotEnough()
    {
        using var api = await _app.CreateApiClientAsync(CapacityAdmin.Domain.Identity.Roles.Administrator);

        var response = await api.GetAsync("admin/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TriggerAction_WithoutAntiforgeryToken_IsRefused_WithTheTokenRuns()
    {
        using var admin = await SignedInAsync(DemoData.Administrator);
        var page = await (await admin.GetAsync("admin/hangfire/recurring")).Content.ReadAsStringAsync();
        var header = AntiforgeryHeader().Match(page).Groups[1].Value;
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(header) || string.IsNullOrEmpty(token), "The dashboard page carries no antiforgery token.");

        // What a cross-site form post looks like: the cookie goes along, the token does not.
        var forged = await admin.PostAsync("admin/hangfire/recurring/trigger", Trigger());
        var jobAfterForgery = LastJobId();
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/hangfire/recurring/trigger") { Content = Trigger() };
        request.Headers.Add(header, token);
        var genuine = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(string.IsNullOrEmpty(jobAfterForgery), $"A forged post triggered job {jobAfterForgery}.");
        Assert.Equal(HttpStatusCode.NoContent, genuine.StatusCode);
        Assert.False(string.IsNullOrEmpty(LastJobId()), "The genuine trigger created no job.");
    }

    private static FormUrlEncodedContent Trigger() => new([new("jobs[]", "threshold-scan")]);

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
