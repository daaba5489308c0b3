using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api.Campaigns;

/// <summary>Creates fresh companies, bundles and campaigns through the API, so each test owns its data.</summary>
public static class CampaignApi
{
    public static async Task<Guid> CreateCompanyAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("api/v1/companies", new { name = $"Company {Guid.NewGuid():N}" });
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> CreateCampaignAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("api/v1/campaigns", body);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
    }

    public static async Task<Guid> CreateSeatsCampaignAsync(HttpClient client, Guid companyId, int seats = 10, decimal overagePercent = 10m,
        string status = "active") =>
        (await CreateCampaignAsync(client, new
        {
            companyId, name = Name("Seats"), pricingModel = "seats", targetVolunteers = seats, targetBeneficiaries = 0,
            committedSeats = seats, overagePercent, status,
        })).GetProperty("campaignId").GetGuid();

    public static async Task<Guid> CreateCreditsCampaignAsync(HttpClient client, Guid companyId, decimal allocation = 100m, decimal overagePercent = 10m) =>
        (await CreateCampaignAsync(client, new
        {
            companyId, name = Name("Credits"), pricingModel = "credits", targetVolunteers = 10, targetBeneficiaries = 0,
            creditAllocation = allocation, overagePercent,
        })).GetProperty("campaignId").GetGuid();

    public static async Task<Guid> CreateIaasCampaignAsync(HttpClient client, Guid companyId, int learners = 5) =>
        (await CreateCampaignAsync(client, new
        {
            companyId, name = Name("Iaas"), pricingModel = "iaas", targetVolunteers = 10, targetBeneficiaries = learners,
            learnersCommitted = learners,
        })).GetProperty("campaignId").GetGuid();

    public static async Task<Guid> CreateBundleAsync(HttpClient client, Guid companyId, int capacity = 100, string? status = null)
    {
        var response = await client.PostAsJsonAsync("api/v1/bundles", new { companyId, name = Name("Bundle"), sku = "SKU-1", capacity, status });
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateBundleCampaignAsync(HttpClient client, Guid companyId, Guid bundleId, decimal share) =>
        (await CreateCampaignAsync(client, new
        {
            companyId, name = Name("Bundled"), pricingModel = "bundle", targetVolunteers = 10, targetBeneficiaries = 0,
            bundleId, bundleShare = share,
        })).GetProperty("campaignId").GetGuid();

    public static Task<HttpResponseMessage> EnrollAsync(HttpClient client, Guid campaignId, string volunteerId) =>
        client.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/volunteers", new { volunteerId });

    public static async Task EnrollManyAsync(HttpClient client, Guid campaignId, int count, string prefix = "v")
    {
        for (var i = 1; i <= count; i++) await ApiAssert.JsonAsync(await EnrollAsync(client, campaignId, $"{prefix}{i}"), HttpStatusCode.OK);
    }

    public static async Task<JsonElement> CapacityAsync(HttpClient client, Guid campaignId) =>
        await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/campaigns/{campaignId}/capacity"), HttpStatusCode.OK);

    public static string Name(string prefix) => $"{prefix} {Guid.NewGuid():N}";
}
