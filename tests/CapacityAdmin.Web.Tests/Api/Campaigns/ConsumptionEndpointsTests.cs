using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Campaigns.CampaignApi;

namespace CapacityAdmin.Web.Tests.Api.Campaigns;

/// <summary>Volunteer and learner consumption (enroll, bulk, release) through the real HTTP pipeline.</summary>
public sealed class ConsumptionEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task EnrollVolunteer_WithRoom_Is200ConsumptionResult()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 10);

        var result = await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "vol-1"), HttpStatusCode.OK);

        Assert.True(result.GetProperty("allowed").GetBoolean());
        Assert.False(result.GetProperty("existing").GetBoolean());
        Assert.Equal(0.1m, result.GetProperty("newUtilization").GetDecimal());
        Assert.Equal("normal", result.GetProperty("band").GetString());
        Assert.Equal(0, result.GetProperty("alerts").GetArrayLength());
        Assert.Equal(1, (await CapacityAsync(admin, campaignId)).GetProperty("seats").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task EnrollVolunteer_Twice_IsExistingAndCountsOnce()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 10);
        await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "vol-1"), HttpStatusCode.OK);

        var again = await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "vol-1"), HttpStatusCode.OK);

        Assert.True(again.GetProperty("allowed").GetBoolean());
        Assert.True(again.GetProperty("existing").GetBoolean());
        Assert.Equal(0.1m, again.GetProperty("newUtilization").GetDecimal());
        Assert.Equal(1, (await CapacityAsync(admin, campaignId)).GetProperty("seats").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task EnrollVolunteer_IntoOverageBand_EleventhAllowedTwelfthRefused()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 10, overagePercent: 10m);
        await EnrollManyAsync(admin, campaignId, 9);
        var tenth = await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "v10"), HttpStatusCode.OK);

        var eleventh = await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "v11"), HttpStatusCode.OK);
        var twelfth = await EnrollAsync(admin, campaignId, "v12");

        Assert.Equal("at", tenth.GetProperty("band").GetString());
        Assert.Equal(1.0m, tenth.GetProperty("newUtilization").GetDecimal());
        Assert.True(eleventh.GetProperty("allowed").GetBoolean());
        Assert.Equal("overage", eleventh.GetProperty("band").GetString());
        Assert.Equal(1.1m, eleventh.GetProperty("newUtilization").GetDecimal());
        var problem = await ApiAssert.ProblemAsync(twelfth, HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
        Assert.Contains("110%", problem.GetProperty("detail").GetString());
        Assert.Equal(1.2m, problem.GetProperty("newUtilization").GetDecimal());
        Assert.Equal(0, problem.GetProperty("alerts").GetArrayLength());
        var status = await CapacityAsync(admin, campaignId);
        Assert.Equal(11, status.GetProperty("seats").GetProperty("used").GetInt32());
        Assert.Equal(0, status.GetProperty("seats").GetProperty("available").GetInt32());
        Assert.True(status.GetProperty("isOverCapacity").GetBoolean());
    }

    [Fact]
    public async Task GetVolunteer_AfterEnrollAndRelease_ReportsStatus()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin));
        await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "vol-7"), HttpStatusCode.OK);

        var enrolled = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaignId}/volunteers/vol-7"), HttpStatusCode.OK);
        await ApiAssert.JsonAsync(await admin.DeleteAsync($"api/v1/campaigns/{campaignId}/volunteers/vol-7"), HttpStatusCode.OK);
        var released = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaignId}/volunteers/vol-7"), HttpStatusCode.OK);

        Assert.Equal("vol-7", enrolled.GetProperty("volunteerId").GetString());
        Assert.Equal("enrolled", enrolled.GetProperty("status").GetString());
        Assert.True(enrolled.TryGetProperty("enrolledAt", out _));
        Assert.False(enrolled.TryGetProperty("releasedAt", out _), $"releasedAt should be omitted while enrolled: {enrolled}");
        Assert.Equal("released", released.GetProperty("status").GetString());
        Assert.True(released.TryGetProperty("releasedAt", out _), $"{released}");
    }

    [Fact]
    public async Task GetVolunteer_NeverEnrolled_Is404EnrollmentNotFound()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin));

        var response = await admin.GetAsync($"api/v1/campaigns/{campaignId}/volunteers/ghost");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "ENROLLMENT_NOT_FOUND");
    }

    [Fact]
    public async Task ReleaseVolunteer_WhenFull_Is200AndFreesThePlace()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 2, overagePercent: 0m);
        await EnrollManyAsync(admin, campaignId, 2);
        await ApiAssert.ProblemAsync(await EnrollAsync(admin, campaignId, "third"), HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");

        var release = await ApiAssert.JsonAsync(await admin.DeleteAsync($"api/v1/campaigns/{campaignId}/volunteers/v1"), HttpStatusCode.OK);

        Assert.True(release.GetProperty("allowed").GetBoolean());
        Assert.Equal(0.5m, release.GetProperty("newUtilization").GetDecimal());
        Assert.Equal(1, (await CapacityAsync(admin, campaignId)).GetProperty("seats").GetProperty("used").GetInt32());
        await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "third"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReleaseVolunteer_NotEnrolled_Is404EnrollmentNotFound()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin));
        await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "once"), HttpStatusCode.OK);
        await ApiAssert.JsonAsync(await admin.DeleteAsync($"api/v1/campaigns/{campaignId}/volunteers/once"), HttpStatusCode.OK);

        var never = await admin.DeleteAsync($"api/v1/campaigns/{campaignId}/volunteers/never");
        var twice = await admin.DeleteAsync($"api/v1/campaigns/{campaignId}/volunteers/once");

        await ApiAssert.ProblemAsync(never, HttpStatusCode.NotFound, "ENROLLMENT_NOT_FOUND");
        await ApiAssert.ProblemAsync(twice, HttpStatusCode.NotFound, "ENROLLMENT_NOT_FOUND");
        Assert.Equal(0, (await CapacityAsync(admin, campaignId)).GetProperty("seats").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task EnrollVolunteer_OnUnknownCampaign_Is404CampaignNotFound()
    {
        using var integration = await app.CreateApiClientAsync(Roles.Integration);

        var response = await EnrollAsync(integration, Guid.NewGuid(), "v1");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
    }

    [Fact]
    public async Task BulkEnroll_PastTheHardLimit_ReportsAcceptedExistingRefusedInOrder()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 3, overagePercent: 0m);
        await ApiAssert.JsonAsync(await EnrollAsync(admin, campaignId, "b"), HttpStatusCode.OK);
        string[] ids = ["a", "b", "c", "d", "e"];

        var response = await admin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/volunteers/bulk", new { volunteerIds = ids });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("existing").GetInt32());
        Assert.Equal(2, body.GetProperty("refused").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(ids, results.Select(r => r.GetProperty("volunteerId").GetString()));
        Assert.Equal([true, true, true, false, false], results.Select(r => r.GetProperty("allowed").GetBoolean()));
        Assert.Equal("CAPACITY_EXCEEDED", results[3].GetProperty("code").GetString());
        Assert.False(results[0].TryGetProperty("code", out _), $"An accepted item has no code: {results[0]}");
        Assert.Equal(3, (await CapacityAsync(admin, campaignId)).GetProperty("seats").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task Enroll_OnLimitZeroCampaign_RefusesEverythingAndReportsZeroUtilization()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 0);

        var single = await EnrollAsync(admin, campaignId, "v1");
        var bulk = await ApiAssert.JsonAsync(
            await admin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/volunteers/bulk", new { volunteerIds = new[] { "v2", "v3" } }), HttpStatusCode.OK);

        await ApiAssert.ProblemAsync(single, HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
        Assert.Equal(0, bulk.GetProperty("accepted").GetInt32());
        Assert.Equal(2, bulk.GetProperty("refused").GetInt32());
        var status = await CapacityAsync(admin, campaignId);
        Assert.Equal(0m, status.GetProperty("overallUtilization").GetDecimal());
        Assert.Equal(0m, status.GetProperty("hardLimit").GetDecimal());
        Assert.False(status.GetProperty("isOverCapacity").GetBoolean());
        Assert.False(status.GetProperty("isAtCapacity").GetBoolean());
    }

    [Fact]
    public async Task EnrollLearner_OnIaasCampaign_CountsBeneficiaryAndReleases()
    {
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateIaasCampaignAsync(admin, await CreateCompanyAsync(admin), learners: 4);

        var enrolled = await ApiAssert.JsonAsync(
            await integration.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/learners", new { learnerId = "l-1" }), HttpStatusCode.OK);
        var again = await ApiAssert.JsonAsync(
            await integration.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/learners", new { learnerId = "l-1" }), HttpStatusCode.OK);
        var status = await CapacityAsync(admin, campaignId);
        var released = await ApiAssert.JsonAsync(await integration.DeleteAsync($"api/v1/campaigns/{campaignId}/learners/l-1"), HttpStatusCode.OK);

        Assert.Equal(0.25m, enrolled.GetProperty("newUtilization").GetDecimal());
        Assert.True(again.GetProperty("existing").GetBoolean());
        Assert.Equal(1, status.GetProperty("iaas").GetProperty("learnersServed").GetInt32());
        Assert.Equal(3, status.GetProperty("iaas").GetProperty("remaining").GetInt32());
        Assert.Equal(1, status.GetProperty("beneficiaries").GetProperty("current").GetInt32());
        Assert.Equal(0m, released.GetProperty("newUtilization").GetDecimal());
        await ApiAssert.ProblemAsync(await integration.DeleteAsync($"api/v1/campaigns/{campaignId}/learners/l-1"), HttpStatusCode.NotFound, "ENROLLMENT_NOT_FOUND");
    }

    [Fact]
    public async Task EnrollLearner_OnSeatsCampaign_Is422PricingModelMismatch()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin));

        var response = await admin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/learners", new { learnerId = "l-1" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "PRICING_MODEL_MISMATCH");
    }

    [Fact]
    public async Task EnrollVolunteer_WithoutVolunteerId_Is400ValidationFailed()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin));

        var response = await admin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/volunteers", new { volunteerId = "" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }
}
