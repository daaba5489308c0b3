using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Campaigns.CampaignApi;

namespace CapacityAdmin.Web.Tests.Api.Campaigns;

/// <summary>Bundles and bundle links through the real HTTP pipeline.</summary>
public sealed class BundleEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, Guid campaignId, Guid bundleId, decimal share) =>
        client.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/bundle-link", new { bundleId, share });

    private static async Task<System.Text.Json.JsonElement> BundleStatusAsync(HttpClient client, Guid bundleId) =>
        await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/bundles/{bundleId}/capacity"), HttpStatusCode.OK);

    [Fact]
    public async Task CreateBundle_AsCustomerSuccess_Is201WithIdAndStatus()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);

        var response = await cs.PostAsJsonAsync("api/v1/bundles", new { companyId, name = "Gold", sku = "GOLD-1", capacity = 300, status = "trialing" });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(id, body.GetProperty("bundleId").GetGuid());
        Assert.Equal("Gold", body.GetProperty("name").GetString());
        Assert.Equal("trialing", body.GetProperty("status").GetString());
        Assert.Equal(300, body.GetProperty("capacity").GetInt32());
        var status = await BundleStatusAsync(cs, id);
        Assert.Equal("GOLD-1", status.GetProperty("sku").GetString());
    }

    [Fact]
    public async Task CreateBundle_WithNegativeCapacity_Is400ValidationFailed()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);

        var response = await cs.PostAsJsonAsync("api/v1/bundles", new { companyId, name = "Bad", capacity = -1 });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task BundleCapacity_WithCampaigns_ReportsSplitAndOmitsClosedCampaigns()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var companyId = await CreateCompanyAsync(admin);
        var bundleId = await CreateBundleAsync(admin, companyId, capacity: 100);
        var a = await CreateBundleCampaignAsync(admin, companyId, bundleId, 0.5m);
        var b = await CreateBundleCampaignAsync(admin, companyId, bundleId, 0.3m);
        await EnrollManyAsync(admin, a, 10);

        var partial = await BundleStatusAsync(admin, bundleId);
        var c = await CreateBundleCampaignAsync(admin, companyId, bundleId, 0.2m);
        var full = await BundleStatusAsync(admin, bundleId);
        foreach (var next in new[] { "completed", "closed" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/v1/campaigns/{b}/status", new { status = next })).StatusCode);
        var afterClose = await BundleStatusAsync(admin, bundleId);

        Assert.Equal(bundleId, partial.GetProperty("bundleId").GetGuid());
        Assert.Equal("active", partial.GetProperty("status").GetString());
        Assert.Equal(100, partial.GetProperty("capacity").GetInt32());
        Assert.Equal(80, partial.GetProperty("totalQuota").GetInt32());
        Assert.Equal(10, partial.GetProperty("totalConsumed").GetInt32());
        Assert.Equal(12.5m, partial.GetProperty("utilizationPercent").GetDecimal());
        Assert.Equal(80m, partial.GetProperty("sharesTotalPercent").GetDecimal());
        Assert.False(partial.GetProperty("splitValid").GetBoolean());
        Assert.NotEqual(0, partial.GetProperty("splitErrors").GetArrayLength());
        var entry = Assert.Single(partial.GetProperty("campaigns").EnumerateArray(), x => x.GetProperty("campaignId").GetGuid() == a);
        Assert.Equal(0.5m, entry.GetProperty("share").GetDecimal());
        Assert.Equal(50, entry.GetProperty("quota").GetInt32());
        Assert.Equal(10, entry.GetProperty("consumed").GetInt32());
        Assert.Equal(20m, entry.GetProperty("utilizationPercent").GetDecimal());
        Assert.Equal("active", entry.GetProperty("status").GetString());
        Assert.True(full.GetProperty("splitValid").GetBoolean(), $"{full}");
        Assert.Equal(0, full.GetProperty("splitErrors").GetArrayLength());
        Assert.Equal(3, full.GetProperty("campaigns").GetArrayLength());
        var listed = afterClose.GetProperty("campaigns").EnumerateArray().Select(x => x.GetProperty("campaignId").GetGuid()).ToList();
        Assert.Equal(new[] { a, c }.Order(), listed.Order());
        Assert.DoesNotContain(b, listed);
    }

    [Fact]
    public async Task BundleCapacity_OfUnknownBundle_Is404BundleNotFound()
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var response = await sales.GetAsync($"api/v1/bundles/{Guid.NewGuid()}/capacity");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "BUNDLE_NOT_FOUND");
    }

    [Fact]
    public async Task PatchBundle_Capacity_RecomputesLinkedQuotas()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);
        var bundleId = await CreateBundleAsync(cs, companyId, capacity: 100);
        var campaignId = await CreateBundleCampaignAsync(cs, companyId, bundleId, 0.5m);

        var response = await cs.PatchAsJsonAsync($"api/v1/bundles/{bundleId}", new { capacity = 200, status = "past_due", reason = "Upgrade" });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(200, body.GetProperty("capacity").GetInt32());
        Assert.Equal("past_due", body.GetProperty("status").GetString());
        Assert.Equal(100, (await CapacityAsync(cs, campaignId)).GetProperty("bundle").GetProperty("quota").GetInt32());
    }

    [Fact]
    public async Task PatchBundle_AsSales_Is403Forbidden()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var bundleId = await CreateBundleAsync(admin, await CreateCompanyAsync(admin));

        var response = await sales.PatchAsJsonAsync($"api/v1/bundles/{bundleId}", new { capacity = 5, reason = "x" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task LinkBundle_ToActiveBundle_Is200CapacityStatusWithBundleFigure()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);
        var bundleId = await CreateBundleAsync(cs, companyId, capacity: 500);
        var campaignId = (await CreateCampaignAsync(cs, new
        {
            companyId, name = Name("Unlinked"), pricingModel = "bundle", targetVolunteers = 10, targetBeneficiaries = 0,
        })).GetProperty("campaignId").GetGuid();

        var response = await LinkAsync(cs, campaignId, bundleId, 0.333m);

        var status = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var bundle = status.GetProperty("bundle");
        Assert.Equal(bundleId, bundle.GetProperty("bundleId").GetGuid());
        Assert.Equal(0.333m, bundle.GetProperty("share").GetDecimal());
        Assert.Equal(166, bundle.GetProperty("quota").GetInt32());
        Assert.Equal(182m, status.GetProperty("hardLimit").GetDecimal());
    }

    [Theory]
    [InlineData("past_due")]
    [InlineData("canceled")]
    [InlineData("unpaid")]
    public async Task LinkBundle_ToInactiveBundle_Is409BundleNotActive(string bundleStatus)
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);
        var bundleId = await CreateBundleAsync(cs, companyId, capacity: 100, status: bundleStatus);
        var campaignId = (await CreateCampaignAsync(cs, new
        {
            companyId, name = Name("Unlinked"), pricingModel = "bundle", targetVolunteers = 10, targetBeneficiaries = 0,
        })).GetProperty("campaignId").GetGuid();

        var response = await LinkAsync(cs, campaignId, bundleId, 0.5m);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "BUNDLE_NOT_ACTIVE");
    }

    [Fact]
    public async Task LinkBundle_FromSeatsCampaign_Is422PricingModelMismatch()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);
        var bundleId = await CreateBundleAsync(cs, companyId);
        var campaignId = await CreateSeatsCampaignAsync(cs, companyId);

        var response = await LinkAsync(cs, campaignId, bundleId, 0.5m);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "PRICING_MODEL_MISMATCH");
    }

    [Fact]
    public async Task LinkBundle_PushingSharesAbove100Percent_Is409ValidationFailed()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);
        var bundleId = await CreateBundleAsync(cs, companyId);
        await CreateBundleCampaignAsync(cs, companyId, bundleId, 0.7m);
        var second = (await CreateCampaignAsync(cs, new
        {
            companyId, name = Name("Unlinked"), pricingModel = "bundle", targetVolunteers = 10, targetBeneficiaries = 0,
        })).GetProperty("campaignId").GetGuid();

        var tooMuch = await LinkAsync(cs, second, bundleId, 0.31m);
        var exact = await LinkAsync(cs, second, bundleId, 0.3m);

        await ApiAssert.ProblemAsync(tooMuch, HttpStatusCode.Conflict, "VALIDATION_FAILED");
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        Assert.True((await BundleStatusAsync(cs, bundleId)).GetProperty("splitValid").GetBoolean());
    }

    [Fact]
    public async Task EnrollBundleCampaign_WhenBundleFull_Is409CapacityExceeded()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var companyId = await CreateCompanyAsync(admin);
        var bundleId = await CreateBundleAsync(admin, companyId, capacity: 10);
        var a = await CreateBundleCampaignAsync(admin, companyId, bundleId, 0.5m);
        var b = await CreateBundleCampaignAsync(admin, companyId, bundleId, 0.5m);
        await EnrollManyAsync(admin, a, 5, "a");
        await EnrollManyAsync(admin, b, 5, "b");

        var response = await EnrollAsync(admin, a, "a6");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
        Assert.Equal(10, (await BundleStatusAsync(admin, bundleId)).GetProperty("totalConsumed").GetInt32());
    }
}
