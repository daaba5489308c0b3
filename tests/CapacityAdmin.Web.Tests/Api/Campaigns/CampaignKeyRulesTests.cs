using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Campaigns.CampaignApi;

namespace CapacityAdmin.Web.Tests.Api.Campaigns;

/// <summary>Roles and tenancy of API keys on the campaign and bundle endpoints (api-v1.md "Roles").</summary>
public sealed class CampaignKeyRulesTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private sealed record World(Guid CompanyA, Guid CompanyB, Guid CampaignA, Guid CampaignB, Guid CreditsA, Guid BundleA, Guid BundleB);

    private async Task<World> CreateWorldAsync()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var a = await CreateCompanyAsync(admin);
        var b = await CreateCompanyAsync(admin);
        return new World(a, b, await CreateSeatsCampaignAsync(admin, a), await CreateSeatsCampaignAsync(admin, b),
            await CreateCreditsCampaignAsync(admin, a), await CreateBundleAsync(admin, a), await CreateBundleAsync(admin, b));
    }

    /// <summary>Every write on the campaign endpoints, as (name, call).</summary>
    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Call)> Writes(World w) =>
    [
        ("POST /campaigns", c => c.PostAsJsonAsync("api/v1/campaigns", new
            { companyId = w.CompanyA, name = Name("Nope"), pricingModel = "seats", targetVolunteers = 5, targetBeneficiaries = 0, committedSeats = 5 })),
        ("PATCH capacity", c => c.PatchAsJsonAsync($"api/v1/campaigns/{w.CampaignA}/capacity", new { committedSeats = 50, reason = "more" })),
        ("POST status", c => c.PostAsJsonAsync($"api/v1/campaigns/{w.CampaignA}/status", new { status = "paused" })),
        ("POST bundles", c => c.PostAsJsonAsync("api/v1/bundles", new { companyId = w.CompanyA, name = Name("B"), capacity = 5 })),
        ("POST volunteers", c => c.PostAsJsonAsync($"api/v1/campaigns/{w.CampaignA}/volunteers", new { volunteerId = "x" })),
        ("POST volunteers/bulk", c => c.PostAsJsonAsync($"api/v1/campaigns/{w.CampaignA}/volunteers/bulk", new { volunteerIds = new[] { "x" } })),
        ("DELETE volunteer", c => c.DeleteAsync($"api/v1/campaigns/{w.CampaignA}/volunteers/x")),
        ("POST credits", c => c.PostAsJsonAsync($"api/v1/campaigns/{w.CreditsA}/credits", new { amount = 1m })),
        ("POST refunds", c => c.PostAsJsonAsync($"api/v1/campaigns/{w.CreditsA}/credits/refunds", new { amount = 1m, reason = "r" })),
    ];

    [Theory]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.CompanyAdmin)]
    public async Task EveryWrite_WithReadOnlyKey_Is403Forbidden(string role)
    {
        var w = await CreateWorldAsync();
        using var client = await app.CreateApiClientAsync(role, role == Roles.CompanyAdmin ? w.CompanyA : null);

        foreach (var (name, call) in Writes(w))
        {
            var response = await call(client);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var status = await CapacityAsync(admin, w.CampaignA);
        Assert.Equal(0, status.GetProperty("seats").GetProperty("used").GetInt32());
        Assert.Equal(10, status.GetProperty("seats").GetProperty("committed").GetInt32());
    }

    [Fact]
    public async Task Reads_WithSalesKey_Are200()
    {
        var w = await CreateWorldAsync();
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        foreach (var path in new[]
                 {
                     $"api/v1/campaigns/{w.CampaignA}/capacity", $"api/v1/campaigns/{w.CampaignB}/capacity", "api/v1/campaigns",
                     $"api/v1/campaigns/{w.CampaignA}/timeline", $"api/v1/campaigns/{w.CreditsA}/credits/ledger", $"api/v1/bundles/{w.BundleB}/capacity",
                 })
        {
            var response = await sales.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task CompanyAdminKey_BoundToA_SeesOnlyA()
    {
        var w = await CreateWorldAsync();
        using var companyAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, w.CompanyA);

        var own = await companyAdmin.GetAsync($"api/v1/campaigns/{w.CampaignA}/capacity");
        var otherCampaign = await companyAdmin.GetAsync($"api/v1/campaigns/{w.CampaignB}/capacity");
        var otherTimeline = await companyAdmin.GetAsync($"api/v1/campaigns/{w.CampaignB}/timeline");
        var ownBundle = await companyAdmin.GetAsync($"api/v1/bundles/{w.BundleA}/capacity");
        var otherBundle = await companyAdmin.GetAsync($"api/v1/bundles/{w.BundleB}/capacity");
        var list = await ApiAssert.JsonAsync(await companyAdmin.GetAsync("api/v1/campaigns?pageSize=500"), HttpStatusCode.OK);
        var filteredToB = await ApiAssert.JsonAsync(await companyAdmin.GetAsync($"api/v1/campaigns?companyId={w.CompanyB}"), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownBundle.StatusCode);
        await ApiAssert.ProblemAsync(otherCampaign, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        await ApiAssert.ProblemAsync(otherTimeline, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        await ApiAssert.ProblemAsync(otherBundle, HttpStatusCode.NotFound, "BUNDLE_NOT_FOUND");
        var companies = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("companyId").GetGuid()).Distinct().ToList();
        Assert.Equal([w.CompanyA], companies);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(0, filteredToB.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task IntegrationKey_ConsumesButCannotManage()
    {
        var w = await CreateWorldAsync();
        using var integration = await app.CreateApiClientAsync(Roles.Integration);

        var enroll = await EnrollAsync(integration, w.CampaignA, "i-1");
        var credits = await integration.PostAsJsonAsync($"api/v1/campaigns/{w.CreditsA}/credits", new { amount = 1.5m });
        var read = await integration.GetAsync($"api/v1/campaigns/{w.CampaignB}/capacity");
        var create = await integration.PostAsJsonAsync("api/v1/campaigns", new
            { companyId = w.CompanyA, name = Name("Nope"), pricingModel = "seats", targetVolunteers = 5, targetBeneficiaries = 0, committedSeats = 5 });
        var patch = await integration.PatchAsJsonAsync($"api/v1/campaigns/{w.CampaignA}/capacity", new { committedSeats = 50, reason = "more" });
        var link = await integration.PostAsJsonAsync($"api/v1/campaigns/{w.CampaignA}/bundle-link", new { bundleId = w.BundleA, share = 0.5m });

        await ApiAssert.JsonAsync(enroll, HttpStatusCode.OK);
        await ApiAssert.JsonAsync(credits, HttpStatusCode.OK);
        await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
        await ApiAssert.ProblemAsync(create, HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(patch, HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(link, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task IntegrationKey_BoundToA_Is404OnB()
    {
        var w = await CreateWorldAsync();
        using var integration = await app.CreateApiClientAsync(Roles.Integration, w.CompanyA);

        var ownEnroll = await EnrollAsync(integration, w.CampaignA, "i-1");
        var otherEnroll = await EnrollAsync(integration, w.CampaignB, "i-1");
        var otherBulk = await integration.PostAsJsonAsync($"api/v1/campaigns/{w.CampaignB}/volunteers/bulk", new { volunteerIds = new[] { "i-2" } });
        var otherRead = await integration.GetAsync($"api/v1/campaigns/{w.CampaignB}/capacity");
        var otherVolunteer = await integration.GetAsync($"api/v1/campaigns/{w.CampaignB}/volunteers/i-1");

        await ApiAssert.JsonAsync(ownEnroll, HttpStatusCode.OK);
        await ApiAssert.ProblemAsync(otherEnroll, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        await ApiAssert.ProblemAsync(otherBulk, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        await ApiAssert.ProblemAsync(otherRead, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        await ApiAssert.AnyProblemAsync(otherVolunteer, HttpStatusCode.NotFound);
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        Assert.Equal(0, (await CapacityAsync(admin, w.CampaignB)).GetProperty("seats").GetProperty("used").GetInt32());
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CustomerSuccess)]
    public async Task EveryWrite_WithManagerKey_Succeeds(string role)
    {
        var w = await CreateWorldAsync();
        using var client = await app.CreateApiClientAsync(role);
        var expected = new Dictionary<string, HttpStatusCode> { ["POST /campaigns"] = HttpStatusCode.Created, ["POST bundles"] = HttpStatusCode.Created };

        // Enroll and consume before pausing, so that the later writes act on an accepting campaign.
        foreach (var (name, call) in Writes(w).OrderBy(x => x.Name == "POST status"))
        {
            var response = await call(client);
            var want = expected.GetValueOrDefault(name, HttpStatusCode.OK);
            Assert.True(response.StatusCode == want, $"{name} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task CampaignEndpoints_WithoutKey_Are401()
    {
        var w = await CreateWorldAsync();

        await ApiAssert.ProblemAsync(await app.Client.GetAsync($"api/v1/campaigns/{w.CampaignA}/capacity"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await ApiAssert.ProblemAsync(await app.Client.GetAsync("api/v1/campaigns"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await ApiAssert.ProblemAsync(await EnrollAsync(app.Client, w.CampaignA, "x"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await ApiAssert.ProblemAsync(await app.Client.GetAsync($"api/v1/bundles/{w.BundleA}/capacity"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
