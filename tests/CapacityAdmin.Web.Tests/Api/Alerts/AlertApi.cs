using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api.Alerts;

/// <summary>Helpers for the alert endpoints: campaigns pushed to a band through the API, alert lookups.</summary>
public static class AlertApi
{
    /// <summary>Enrolls <paramref name="count"/> volunteers and returns the <c>alerts</c> of each response, in order.</summary>
    public static async Task<List<JsonElement>> EnrollCollectingAlertsAsync(HttpClient client, Guid campaignId, int count, string prefix = "v")
    {
        var alerts = new List<JsonElement>();
        for (var i = 1; i <= count; i++)
        {
            var result = await ApiAssert.JsonAsync(await CampaignApi.EnrollAsync(client, campaignId, $"{prefix}{i}"), HttpStatusCode.OK);
            alerts.AddRange(result.GetProperty("alerts").EnumerateArray());
        }
        return alerts;
    }

    /// <summary>A seats campaign of <paramref name="seats"/> with <paramref name="enrolled"/> volunteers; returns the alerts raised meanwhile.</summary>
    public static async Task<(Guid CampaignId, List<JsonElement> Alerts)> CampaignAtAsync(HttpClient cs, Guid companyId, int seats, int enrolled,
        decimal overagePercent = 10m)
    {
        var campaignId = await CampaignApi.CreateSeatsCampaignAsync(cs, companyId, seats, overagePercent);
        return (campaignId, await EnrollCollectingAlertsAsync(cs, campaignId, enrolled));
    }

    public static async Task<JsonElement> GetAlertAsync(HttpClient client, Guid alertId) =>
        await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/alerts/{alertId}"), HttpStatusCode.OK);

    public static async Task<List<JsonElement>> ListAsync(HttpClient client, string query)
    {
        var page = await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/alerts?{query}"), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> CampaignAlertsAsync(HttpClient client, Guid campaignId) =>
        await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/campaigns/{campaignId}/alerts"), HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PatchUpsellAsync(HttpClient client, Guid alertId, object body) =>
        client.PatchAsJsonAsync($"api/v1/alerts/{alertId}/upsell", body);

    public static Guid Id(JsonElement alert) => alert.GetProperty("id").GetGuid();

    public static string? Str(JsonElement element, string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string[] Strings(JsonElement element, string name) => element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
