using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Alerts.AlertApi;

namespace CapacityAdmin.Web.Tests.Api.Alerts;

/// <summary>ConsumptionResult.alerts and the refusal's <c>alerts</c> (api-v1.md "ConsumptionResult") through the real pipeline.</summary>
public sealed class AlertConsumptionTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task Enroll_ReachingEightyPercent_ReturnsTheRaisedInfoAlert_ASecondEnrollmentInTheWindowReturnsNone()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var campaignId = await CampaignApi.CreateSeatsCampaignAsync(cs, companyId, seats: 20);

        var before = await EnrollCollectingAlertsAsync(cs, campaignId, 15);
        var sixteenth = await ApiAssert.JsonAsync(await CampaignApi.EnrollAsync(cs, campaignId, "v16"), HttpStatusCode.OK);
        var seventeenth = await ApiAssert.JsonAsync(await CampaignApi.EnrollAsync(cs, campaignId, "v17"), HttpStatusCode.OK);

        Assert.Empty(before);
        Assert.Equal("near", sixteenth.GetProperty("band").GetString());
        var alert = Assert.Single(sixteenth.GetProperty("alerts").EnumerateArray());
        Assert.Equal("campaign", Str(alert, "poolType"));
        Assert.Equal(campaignId, alert.GetProperty("poolId").GetGuid());
        Assert.Equal(companyId, alert.GetProperty("companyId").GetGuid());
        Assert.Equal("80%", Str(alert, "threshold"));
        Assert.Equal("info", Str(alert, "severity"));
        Assert.Equal("upsell_opportunity", Str(alert, "action"));
        Assert.Equal(80.00m, alert.GetProperty("utilizationPercent").GetDecimal());
        Assert.Equal(["sales"], Strings(alert, "recipients"));
        Assert.Equal("new", Str(alert, "upsellStatus"));
        Assert.False(string.IsNullOrWhiteSpace(Str(alert, "message")));
        var delivery = alert.GetProperty("deliveries").EnumerateArray().First(d => Str(d, "address") == "sales@capacityadmin.local");
        Assert.Equal(("sales", "pending", 0), (Str(delivery, "recipient"), Str(delivery, "state"), delivery.GetProperty("attempts").GetInt32()));
        Assert.Empty(seventeenth.GetProperty("alerts").EnumerateArray());

        // The stored alert is the one returned.
        var stored = Assert.Single((await CampaignAlertsAsync(cs, campaignId)).EnumerateArray());
        Assert.Equal(Id(alert), Id(stored));
    }

    [Fact]
    public async Task Enroll_RefusedOverTheHardLimit_Answers409WithTheCriticalAlert()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var campaignId = await CampaignApi.CreateSeatsCampaignAsync(cs, companyId, seats: 10);
        Assert.Empty(await EnrollCollectingAlertsAsync(cs, campaignId, 5));
        // Lowering the limit below usage raises nothing by itself (the scan catches edits); the next attempt is refused.
        var lowered = await cs.PatchAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity", new { committedSeats = 4, reason = "contract reduced" });
        await ApiAssert.JsonAsync(lowered, HttpStatusCode.OK);

        var refused = await CampaignApi.EnrollAsync(cs, campaignId, "v6");

        var problem = await ApiAssert.ProblemAsync(refused, HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
        var alert = Assert.Single(problem.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("110%", "critical", "block_enrollments"), (Str(alert, "threshold"), Str(alert, "severity"), Str(alert, "action")));
        Assert.Equal(["company_admin", "cs"], Strings(alert, "recipients"));
        Assert.Equal(125.00m, alert.GetProperty("utilizationPercent").GetDecimal());
        // A company without company-admin users: that role is recorded as no_address, never dropped.
        var companyAdmin = alert.GetProperty("deliveries").EnumerateArray().Single(d => Str(d, "recipient") == "company_admin");
        Assert.Equal("no_address", Str(companyAdmin, "state"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, companyAdmin.GetProperty("address").ValueKind);

        // Within the hard band's window a second refusal raises nothing.
        var again = await ApiAssert.ProblemAsync(await CampaignApi.EnrollAsync(cs, campaignId, "v7"), HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
        Assert.Empty(again.GetProperty("alerts").EnumerateArray());
    }

    [Fact]
    public async Task BulkEnroll_CrossingEightyPercent_ReturnsTheOneAlertOfItsSingleEvaluation()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var campaignId = await CampaignApi.CreateSeatsCampaignAsync(cs, companyId, seats: 10);

        var response = await cs.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/volunteers/bulk",
            new { volunteerIds = Enumerable.Range(1, 9).Select(i => $"b{i}").ToArray() });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(9, body.GetProperty("accepted").GetInt32());
        var alert = Assert.Single(body.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("90%", "warning"), (Str(alert, "threshold"), Str(alert, "severity")));
    }
}
