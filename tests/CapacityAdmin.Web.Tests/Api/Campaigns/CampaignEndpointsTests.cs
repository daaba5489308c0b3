using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Campaigns.CampaignApi;

namespace CapacityAdmin.Web.Tests.Api.Campaigns;

/// <summary>POST/GET/PATCH of campaigns, their status, timeline and list, through the real HTTP pipeline.</summary>
public sealed class CampaignEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static readonly string[] ModelFigures = ["seats", "credits", "iaas", "bundle"];

    [Theory]
    [InlineData("seats", "seats")]
    [InlineData("credits", "credits")]
    [InlineData("iaas", "iaas")]
    [InlineData("bundle", "bundle")]
    [InlineData("custom", null)]
    public async Task CreateCampaign_ForEachPricingModel_Is201WithOnlyItsFigure(string model, string? figure)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var companyId = await CreateCompanyAsync(admin);
        Guid? bundleId = model == "bundle" ? await CreateBundleAsync(admin, companyId, capacity: 200) : null;
        var name = Name(model);

        var response = await admin.PostAsJsonAsync("api/v1/campaigns", new
        {
            companyId, name, pricingModel = model, targetVolunteers = 20, targetBeneficiaries = 5,
            committedSeats = model == "seats" ? 10 : (int?)null,
            creditAllocation = model == "credits" ? 250.50m : (decimal?)null,
            learnersCommitted = model == "iaas" ? 5 : (int?)null,
            bundleId, bundleShare = model == "bundle" ? 0.5m : (decimal?)null,
        });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var id = body.GetProperty("campaignId").GetGuid();
        Assert.Equal($"/api/v1/campaigns/{id}/capacity", response.Headers.Location?.OriginalString);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(companyId, body.GetProperty("companyId").GetGuid());
        Assert.Equal(model, body.GetProperty("pricingModel").GetString());
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Equal(20, body.GetProperty("volunteers").GetProperty("target").GetInt32());
        Assert.Equal(5, body.GetProperty("beneficiaries").GetProperty("target").GetInt32());
        Assert.Equal(0m, body.GetProperty("overallUtilization").GetDecimal());
        Assert.Equal(10m, body.GetProperty("overagePercent").GetDecimal());
        foreach (var f in ModelFigures)
            Assert.True(body.TryGetProperty(f, out _) == (f == figure), $"'{f}' present should be {f == figure}: {body}");
        foreach (var flag in new[] { "isNearCapacity", "isAtCapacity", "isOverCapacity", "allowsOverage", "hardLimit" })
            Assert.True(body.TryGetProperty(flag, out _), $"CapacityStatus lacks {flag}: {body}");
        var expectedHard = model switch { "seats" => 11m, "credits" => 275.55m, "iaas" => 5m, "bundle" => 110m, _ => 22m };
        Assert.Equal(expectedHard, body.GetProperty("hardLimit").GetDecimal());
        if (model == "credits") Assert.Equal(250.50m, body.GetProperty("credits").GetProperty("allocated").GetDecimal());
        if (model == "bundle")
        {
            var b = body.GetProperty("bundle");
            Assert.Equal(bundleId, b.GetProperty("bundleId").GetGuid());
            Assert.Equal(100, b.GetProperty("quota").GetInt32());
        }
    }

    [Fact]
    public async Task CreateCampaign_WithMissingModelLimitAndForeignLimit_Is400ValidationFailedWithErrors()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);

        var response = await cs.PostAsJsonAsync("api/v1/campaigns", new
        {
            companyId, name = "", pricingModel = "seats", targetVolunteers = -1, targetBeneficiaries = 0, creditAllocation = 10m,
        });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "targetVolunteers", "committedSeats", "creditAllocation" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors has no '{field}': {errors}");
    }

    [Fact]
    public async Task CreateCampaign_ForUnknownCompany_Is404CompanyNotFound()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);

        var response = await cs.PostAsJsonAsync("api/v1/campaigns", new
        {
            companyId = Guid.NewGuid(), name = Name("Orphan"), pricingModel = "seats", targetVolunteers = 5, targetBeneficiaries = 0, committedSeats = 5,
        });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "COMPANY_NOT_FOUND");
    }

    [Fact]
    public async Task CreateCampaign_WithNameTakenInCompany_Is409Duplicate()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);
        var otherCompanyId = await CreateCompanyAsync(cs);
        var name = Name("Twice");
        object Body(Guid company) => new { companyId = company, name, pricingModel = "custom", targetVolunteers = 5, targetBeneficiaries = 0 };
        await CreateCampaignAsync(cs, Body(companyId));

        var duplicate = await cs.PostAsJsonAsync("api/v1/campaigns", Body(companyId));
        var elsewhere = await cs.PostAsJsonAsync("api/v1/campaigns", Body(otherCompanyId));

        await ApiAssert.ProblemAsync(duplicate, HttpStatusCode.Conflict, "DUPLICATE");
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task GetCapacity_OfUnknownCampaign_Is404CampaignNotFound()
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var response = await sales.GetAsync($"api/v1/campaigns/{Guid.NewGuid()}/capacity");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
    }

    [Fact]
    public async Task GetCapacity_AfterEnrollments_ReportsUsage()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 10);
        await EnrollManyAsync(admin, campaignId, 8);

        var status = await CapacityAsync(admin, campaignId);

        var seats = status.GetProperty("seats");
        Assert.Equal(10, seats.GetProperty("committed").GetInt32());
        Assert.Equal(8, seats.GetProperty("used").GetInt32());
        Assert.Equal(2, seats.GetProperty("available").GetInt32());
        Assert.Equal(80m, seats.GetProperty("utilizationPercent").GetDecimal());
        Assert.Equal(0.8m, status.GetProperty("overallUtilization").GetDecimal());
        Assert.True(status.GetProperty("isNearCapacity").GetBoolean());
        Assert.False(status.GetProperty("isAtCapacity").GetBoolean());
        Assert.True(status.GetProperty("allowsOverage").GetBoolean());
    }

    [Fact]
    public async Task PatchCapacity_WithReason_Is200AndAppearsOnTimeline()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs), seats: 10);

        var response = await cs.PatchAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity", new { committedSeats = 20, reason = "Customer bought more" });

        var status = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(20, status.GetProperty("seats").GetProperty("committed").GetInt32());
        Assert.Equal(22m, status.GetProperty("hardLimit").GetDecimal());
        var timeline = await ApiAssert.JsonAsync(await cs.GetAsync($"api/v1/campaigns/{campaignId}/timeline"), HttpStatusCode.OK);
        var change = timeline.GetProperty("items").EnumerateArray()
            .SingleOrDefault(e => e.GetProperty("reason").GetString() == "Customer bought more");
        Assert.True(change.ValueKind == JsonValueKind.Object, $"The timeline lacks the change: {timeline}");
        Assert.Equal("10", change.GetProperty("oldValue").GetString());
        Assert.Equal("20", change.GetProperty("newValue").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task PatchCapacity_WithoutReason_Is400ValidationFailedAndChangesNothing(string? reason)
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs), seats: 10);

        var response = await cs.PatchAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity", new { committedSeats = 20, reason });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), $"errors has no 'reason': {problem}");
        Assert.Equal(10, (await CapacityAsync(cs, campaignId)).GetProperty("seats").GetProperty("committed").GetInt32());
    }

    [Fact]
    public async Task PatchCapacity_BelowUsage_IsAllowedAndThenEnrollmentsAreRefused()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin), seats: 10);
        await EnrollManyAsync(admin, campaignId, 6);

        var response = await admin.PatchAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity", new { committedSeats = 4, reason = "Downsized" });

        var status = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(6, status.GetProperty("seats").GetProperty("used").GetInt32());
        Assert.Equal(0, status.GetProperty("seats").GetProperty("available").GetInt32());
        Assert.True(status.GetProperty("isOverCapacity").GetBoolean());
        await ApiAssert.ProblemAsync(await EnrollAsync(admin, campaignId, "late"), HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
    }

    [Fact]
    public async Task PreviewCapacity_ReportsImpactAndWritesNothing()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs), seats: 10);
        await EnrollManyAsync(cs, campaignId, 5);

        var response = await cs.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity/preview", new { committedSeats = 4 });

        var impact = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(impact.GetProperty("belowUsage").GetBoolean(), $"{impact}");
        Assert.True(impact.GetProperty("refusesNewConsumption").GetBoolean(), $"{impact}");
        Assert.Equal(4m, impact.GetProperty("newLimit").GetDecimal());
        Assert.Equal(10, (await CapacityAsync(cs, campaignId)).GetProperty("seats").GetProperty("committed").GetInt32());
        var timeline = await ApiAssert.JsonAsync(await cs.GetAsync($"api/v1/campaigns/{campaignId}/timeline"), HttpStatusCode.OK);
        Assert.DoesNotContain(timeline.GetProperty("items").EnumerateArray(), e => e.GetProperty("field").GetString() == "committedSeats");
    }

    [Theory]
    [InlineData("active", "paused")]
    [InlineData("active", "completed")]
    [InlineData("draft", "planned")]
    [InlineData("paused", "active")]
    public async Task ChangeStatus_LegalTransition_Is200(string from, string to)
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs), status: from);

        var response = await cs.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/status", new { status = to });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(to, (await CapacityAsync(cs, campaignId)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("active", "draft")]
    [InlineData("active", "active")]
    [InlineData("draft", "active")]
    [InlineData("closed", "active")]
    public async Task ChangeStatus_IllegalTransition_Is409InvalidTransition(string from, string to)
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs), status: from);

        var response = await cs.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/status", new { status = to });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "INVALID_TRANSITION");
        Assert.Equal(from, (await CapacityAsync(cs, campaignId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChangeStatus_ToUnknownStatus_Is400ValidationFailed()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs));

        var response = await cs.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/status", new { status = "sleeping" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Enroll_OnPausedCampaign_Is409CampaignNotAccepting()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var campaignId = await CreateSeatsCampaignAsync(cs, await CreateCompanyAsync(cs));
        Assert.Equal(HttpStatusCode.OK, (await cs.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/status", new { status = "paused" })).StatusCode);

        var response = await EnrollAsync(cs, campaignId, "v1");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "CAMPAIGN_NOT_ACCEPTING");
        Assert.Equal(0, (await CapacityAsync(cs, campaignId)).GetProperty("seats").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task ListCampaigns_WithFilters_ReturnsOnlyMatchingInPageShape()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var companyId = await CreateCompanyAsync(admin);
        var seatsNormal = await CreateSeatsCampaignAsync(admin, companyId, seats: 10);
        var seatsNear = await CreateSeatsCampaignAsync(admin, companyId, seats: 10);
        await EnrollManyAsync(admin, seatsNear, 8);
        var paused = await CreateSeatsCampaignAsync(admin, companyId, seats: 10, status: "paused");
        var credits = await CreateCreditsCampaignAsync(admin, companyId);

        async Task<HashSet<Guid>> Ids(string query)
        {
            var page = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns?companyId={companyId}&{query}"), HttpStatusCode.OK);
            var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("campaignId").GetGuid()).ToHashSet();
            Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
            return ids;
        }

        static void SameIds(Guid[] expected, HashSet<Guid> actual) =>
            Assert.True(actual.SetEquals(expected), $"Expected {string.Join(", ", expected)}; got {string.Join(", ", actual)}");

        SameIds([seatsNormal, seatsNear, paused, credits], await Ids(""));
        SameIds([seatsNormal, seatsNear, paused], await Ids("model=seats"));
        SameIds([seatsNear], await Ids("band=near"));
        SameIds([paused], await Ids("status=paused"));
        SameIds([credits], await Ids("model=credits&status=active"));
    }

    [Fact]
    public async Task ListCampaigns_WithPaging_AnswersItemsPagePageSizeTotal()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var companyId = await CreateCompanyAsync(admin);
        for (var i = 0; i < 3; i++) await CreateSeatsCampaignAsync(admin, companyId);

        var page = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns?companyId={companyId}&page=2&pageSize=2"), HttpStatusCode.OK);

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("band=full", "band")]
    [InlineData("model=barter", "model")]
    [InlineData("status=sleeping", "status")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task ListCampaigns_WithBadFilter_Is400ValidationFailed(string query, string field)
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var response = await sales.GetAsync($"api/v1/campaigns?{query}");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors has no '{field}': {problem}");
    }
    [Fact]
    public async Task CreateCampaign_WithoutPricingModel_Is400ValidationFailedWithErrors()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);

        var response = await cs.PostAsJsonAsync("api/v1/campaigns", new { companyId, name = Name("NoModel"), targetVolunteers = 1, targetBeneficiaries = 0, committedSeats = 1 });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("pricingModel", out _), $"errors has no 'pricingModel': {problem}");
    }

    [Fact]
    public async Task CreateCampaign_WithUnknownPricingModel_Is400ValidationFailed()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var companyId = await CreateCompanyAsync(cs);

        var response = await cs.PostAsJsonAsync("api/v1/campaigns", new { companyId, name = Name("Barter"), pricingModel = "barter", targetVolunteers = 1, targetBeneficiaries = 0 });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }
}
