using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Campaigns.CampaignApi;

namespace CapacityAdmin.Web.Tests.Api.Forecasts;

/// <summary>The four history and forecast endpoints through the real HTTP pipeline, with tenancy.</summary>
public sealed class ForecastEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CampaignForecast_CreatedTodayWithUsageAndRefusal_ContractFields()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var company = await CreateCompanyAsync(admin);
        var campaign = await CreateSeatsCampaignAsync(admin, company, seats: 4, overagePercent: 0m);
        await EnrollManyAsync(admin, campaign, 4);
        await ApiAssert.ProblemAsync(await EnrollAsync(admin, campaign, "one-too-many"), HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");

        var body = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaign}/forecast"), HttpStatusCode.OK);

        Assert.Equal("campaign", body.GetProperty("poolType").GetString());
        Assert.Equal(campaign, body.GetProperty("poolId").GetGuid());
        Assert.Equal(4m, body.GetProperty("used").GetDecimal());
        Assert.Equal(4m, body.GetProperty("limit").GetDecimal());
        Assert.Equal(4m, body.GetProperty("hardLimit").GetDecimal());
        Assert.Equal(1, body.GetProperty("basisDays").GetInt32());
        Assert.Equal(4m, body.GetProperty("burnRatePerDay").GetDecimal());
        Assert.Equal(Today, body.GetProperty("projectedFullAt").GetString());
        Assert.Equal(Today, body.GetProperty("projectedHardLimitAt").GetString());
        // No end date: the end figures are present and null.
        Assert.Equal(JsonValueKind.Null, body.GetProperty("endDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("projectedUtilizationAtEnd").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("runsOutBeforeEnd").ValueKind);
        Assert.Equal(1, body.GetProperty("refusedLast30Days").GetInt64());
        Assert.True(body.TryGetProperty("asOf", out _));
    }

    [Fact]
    public async Task CampaignHistory_Default_NinetyPointsEndingTodayWithRefusals()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var company = await CreateCompanyAsync(admin);
        var campaign = await CreateCreditsCampaignAsync(admin, company, allocation: 10m, overagePercent: 0m);
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", new { amount = 7.25m }), HttpStatusCode.OK);
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", new { amount = 3m }),
            HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");

        var body = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaign}/history"), HttpStatusCode.OK);

        Assert.Equal("campaign", body.GetProperty("poolType").GetString());
        var points = body.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(90, points.Count);
        var today = points[^1];
        Assert.Equal(Today, today.GetProperty("date").GetString());
        Assert.Equal(7.25m, today.GetProperty("used").GetDecimal());
        Assert.Equal(10m, today.GetProperty("limit").GetDecimal());
        Assert.Equal(10m, today.GetProperty("hardLimit").GetDecimal());
        Assert.Equal(1, today.GetProperty("refused").GetInt64());
        Assert.Equal(0m, points[0].GetProperty("used").GetDecimal());
    }

    [Fact]
    public async Task BundleForecastAndHistory_AsCompanyAdminOfItsCompany_200()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var company = await CreateCompanyAsync(admin);
        var bundle = await CreateBundleAsync(admin, company, capacity: 10);
        var campaign = await CreateBundleCampaignAsync(admin, company, bundle, 1m);
        await EnrollManyAsync(admin, campaign, 3);
        using var own = await app.CreateApiClientAsync(Roles.CompanyAdmin, company);

        var forecast = await ApiAssert.JsonAsync(await own.GetAsync($"api/v1/bundles/{bundle}/forecast"), HttpStatusCode.OK);
        var history = await ApiAssert.JsonAsync(await own.GetAsync($"api/v1/bundles/{bundle}/history?from={Today}&to={Today}"), HttpStatusCode.OK);

        Assert.Equal("bundle", forecast.GetProperty("poolType").GetString());
        Assert.Equal(3m, forecast.GetProperty("used").GetDecimal());
        Assert.Equal(10m, forecast.GetProperty("hardLimit").GetDecimal());
        var point = Assert.Single(history.GetProperty("points").EnumerateArray());
        Assert.Equal(3m, point.GetProperty("used").GetDecimal());
        Assert.Equal(10m, point.GetProperty("limit").GetDecimal());
    }

    [Theory]
    [InlineData("campaigns", "forecast", "CAMPAIGN_NOT_FOUND")]
    [InlineData("campaigns", "history", "CAMPAIGN_NOT_FOUND")]
    [InlineData("bundles", "forecast", "BUNDLE_NOT_FOUND")]
    [InlineData("bundles", "history", "BUNDLE_NOT_FOUND")]
    public async Task AnotherCompanysPool_CompanyAdminKey_404(string area, string what, string code)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var company = await CreateCompanyAsync(admin);
        var other = await CreateCompanyAsync(admin);
        var pool = area == "campaigns" ? await CreateSeatsCampaignAsync(admin, company) : await CreateBundleAsync(admin, company);
        using var outsider = await app.CreateApiClientAsync(Roles.CompanyAdmin, other);
        using var owner = await app.CreateApiClientAsync(Roles.CompanyAdmin, company);

        await ApiAssert.ProblemAsync(await outsider.GetAsync($"api/v1/{area}/{pool}/{what}"), HttpStatusCode.NotFound, code);
        await ApiAssert.JsonAsync(await owner.GetAsync($"api/v1/{area}/{pool}/{what}"), HttpStatusCode.OK);
        await ApiAssert.ProblemAsync(await admin.GetAsync($"api/v1/{area}/{Guid.NewGuid()}/{what}"), HttpStatusCode.NotFound, code);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-13-01")]
    [InlineData("from=2026-03-05&to=2026-03-01")]
    [InlineData("from=2020-01-01&to=2026-01-01")]
    [InlineData("from=2999-01-01")]
    public async Task History_BadDates_400ValidationFailed(string query)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var company = await CreateCompanyAsync(admin);
        var campaign = await CreateSeatsCampaignAsync(admin, company);

        var body = await ApiAssert.ProblemAsync(await admin.GetAsync($"api/v1/campaigns/{campaign}/history?{query}"), HttpStatusCode.BadRequest,
            "VALIDATION_FAILED");

        Assert.True(body.TryGetProperty("errors", out _));
    }
}
