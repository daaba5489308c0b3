using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api;

/// <summary>API keys through the real pipeline: missing, bad and revoked keys are 401; a role that may not act is 403.</summary>
public sealed class ApiAuthenticationTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task Companies_WithoutAuthorizationHeader_Is401Unauthorized()
    {
        var response = await app.Client.GetAsync("api/v1/companies");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("cap_thisLooksLikeAKeyButWasNeverIssued0000000000")]
    public async Task Companies_WithUnknownKey_Is401Unauthorized(string key)
    {
        using var client = app.CreateApiClient(key);

        var response = await client.GetAsync("api/v1/companies");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Companies_WithRevokedKey_Is401Unauthorized()
    {
        var key = await app.CreateApiKeyAsync(Roles.CustomerSuccess);
        using var client = app.CreateApiClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/companies")).StatusCode);

        await app.RevokeApiKeyAsync(key.Key.Id);
        var response = await client.GetAsync("api/v1/companies");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Companies_WithNonBearerScheme_Is401Unauthorized()
    {
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new("Basic", "YWRtaW46YWRtaW4=");

        var response = await client.GetAsync("api/v1/companies");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task CreateCompany_AsSales_Is403Forbidden()
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var response = await sales.PostAsJsonAsync("api/v1/companies", new { name = $"Sales Co {Guid.NewGuid():N}" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}
