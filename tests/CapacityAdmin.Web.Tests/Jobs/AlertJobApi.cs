using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary>Runs the alert jobs through <c>POST /api/v1/jobs/{name}/run</c> and sets up campaigns for them.</summary>
public static class AlertJobApi
{
    /// <summary>Runs a job by hand (Administrator key) and returns its summary after checking it succeeded and matches.</summary>
    public static async Task<string> RunAsync(HttpClient admin, string job, string summaryPattern)
    {
        var run = await ApiAssert.JsonAsync(await admin.PostAsync($"api/v1/jobs/{job}/run", content: null), HttpStatusCode.OK);
        Assert.Equal(job, run.GetProperty("name").GetString());
        Assert.True("succeeded" == run.GetProperty("outcome").GetString(), run.ToString());
        var summary = run.GetProperty("summary").GetString()!;
        Assert.Matches(summaryPattern, summary);
        return summary;
    }

    /// <summary>
    /// A seats campaign with <paramref name="enrolled"/> volunteers of 100 seats, then cut to <paramref name="seats"/> by CS:
    /// a capacity edit raises nothing by itself, so the usage sits in a band until the scan (or the next consumption) sees it.
    /// </summary>
    public static async Task<Guid> CampaignCutToAsync(HttpClient cs, Guid companyId, int enrolled, int seats)
    {
        var campaignId = await CampaignApi.CreateSeatsCampaignAsync(cs, companyId, seats: 100);
        await CampaignApi.EnrollManyAsync(cs, campaignId, enrolled);
        var cut = await cs.PatchAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity", new { committedSeats = seats, reason = "plan downgrade" });
        await ApiAssert.JsonAsync(cut, HttpStatusCode.OK);
        return campaignId;
    }

    public static async Task<List<JsonElement>> CampaignAlertsAsync(HttpClient client, Guid campaignId) =>
        (await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/campaigns/{campaignId}/alerts"), HttpStatusCode.OK)).EnumerateArray().ToList();

    public static JsonElement Delivery(JsonElement alert, string address) =>
        alert.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("address").GetString() == address);
}
