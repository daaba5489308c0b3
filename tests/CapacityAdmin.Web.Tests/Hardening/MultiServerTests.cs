using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Hardening;

/// <summary>
/// Two app servers on one PostgreSQL database, as behind a load balancer: the data-protection keys live in the database,
/// so an antiforgery token made by one server is accepted by the other and a sign-in cookie made by one opens pages on the other;
/// an API key revoked on one is refused by the other at its next request, though that server had it cached.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class MultiServerTests
{
    private static CapacityAppFactory Server(PostgresTestDatabase database) => CapacityAppFactory.Create(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["Jobs:SchedulerName"] = $"CapacityAdmin-{Guid.NewGuid():N}",
    });

    [Fact]
    public async Task SignIn_OnOneServer_CookieAndAntiforgeryWorkOnTheOther()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = Server(database);
        await first.InitializeAsync();
        await using var second = Server(database);
        await second.InitializeAsync();
        var cookies = new CookieContainer();
        using var one = first.CreateHttpClient(cookies);
        using var two = second.CreateHttpClient(cookies);

        // The form (and its antiforgery cookie) comes from the first server; the second accepts the post.
        var login = new HtmlParser().ParseDocument(await one.GetStringAsync("login"));
        var form = login.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=password]") is not null);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("email", DemoData.Administrator.Email)).Append(new("password", DemoData.Administrator.Password));
        var signIn = await two.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        // The cookie the second server made opens a page on the first.
        var home = await one.GetAsync("/campaigns");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM \"DataProtectionKeys\"") >= 1, "No data-protection key is in the database.");
    }

    [Fact]
    public async Task ApiKey_CachedOnOneServerRevokedOnTheOther_IsRefusedAtItsNextRequest()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = Server(database);
        await first.InitializeAsync();
        await using var second = Server(database);
        await second.InitializeAsync();
        var key = await first.CreateApiKeyAsync(Domain.Identity.Roles.CustomerSuccess);
        using var client = first.CreateApiClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/companies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/companies")).StatusCode);

        await second.RevokeApiKeyAsync(key.Key.Id);

        await ApiAssert.ProblemAsync(await client.GetAsync("api/v1/companies"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
