using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Campaigns.CampaignApi;

namespace CapacityAdmin.Web.Tests.Api.Campaigns;

/// <summary>Credit consumption, refunds, idempotency and the ledger through the real HTTP pipeline.</summary>
public sealed class CreditEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static Task<HttpResponseMessage> ConsumeAsync(HttpClient client, Guid campaignId, decimal amount, string? idempotencyKey = null, string? activity = null) =>
        client.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/credits", new { amount, activity, idempotencyKey });

    [Fact]
    public async Task ConsumeCredits_WithTwoDecimals_Is200AndCounted()
    {
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin), allocation: 100m);

        var result = await ApiAssert.JsonAsync(await ConsumeAsync(integration, campaignId, 12.34m, activity: "workshop"), HttpStatusCode.OK);

        Assert.True(result.GetProperty("allowed").GetBoolean());
        Assert.False(result.GetProperty("existing").GetBoolean());
        Assert.Equal(0.1234m, result.GetProperty("newUtilization").GetDecimal());
        Assert.Equal("normal", result.GetProperty("band").GetString());
        var credits = (await CapacityAsync(admin, campaignId)).GetProperty("credits");
        Assert.Equal(12.34m, credits.GetProperty("consumed").GetDecimal());
        Assert.Equal(87.66m, credits.GetProperty("remaining").GetDecimal());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1.234)]
    public async Task ConsumeCredits_WithInvalidAmount_Is400ValidationFailed(decimal amount)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin));

        var response = await ConsumeAsync(admin, campaignId, amount);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _), $"errors has no 'amount': {problem}");
        Assert.Equal(0m, (await CapacityAsync(admin, campaignId)).GetProperty("credits").GetProperty("consumed").GetDecimal());
    }

    [Fact]
    public async Task ConsumeCredits_WithRepeatedIdempotencyKey_ReturnsFirstResultAndCountsOnce()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin), allocation: 100m);

        var first = await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, 10m, "order-1"), HttpStatusCode.OK);
        var repeat = await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, 10m, "order-1"), HttpStatusCode.OK);
        // api-v1.md "Idempotency keys": the same key with another payload is refused and changes nothing.
        await ApiAssert.ProblemAsync(await ConsumeAsync(admin, campaignId, 50m, "order-1"), HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");

        Assert.False(first.GetProperty("existing").GetBoolean());
        Assert.True(repeat.GetProperty("existing").GetBoolean());
        Assert.Equal(first.GetProperty("newUtilization").GetDecimal(), repeat.GetProperty("newUtilization").GetDecimal());
        Assert.Equal(10m, (await CapacityAsync(admin, campaignId)).GetProperty("credits").GetProperty("consumed").GetDecimal());
        var ledger = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaignId}/credits/ledger"), HttpStatusCode.OK);
        Assert.Equal(1, ledger.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ConsumeCredits_IntoOverageBand_RemainingGoesNegativeThenRefused()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin), allocation: 100m, overagePercent: 10m);
        await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, 109.99m), HttpStatusCode.OK);

        var tooMuch = await ConsumeAsync(admin, campaignId, 0.02m);
        var last = await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, 0.01m), HttpStatusCode.OK);

        var problem = await ApiAssert.ProblemAsync(tooMuch, HttpStatusCode.Conflict, "CAPACITY_EXCEEDED");
        Assert.Contains("110%", problem.GetProperty("detail").GetString());
        Assert.Equal(1.1001m, problem.GetProperty("newUtilization").GetDecimal());
        Assert.Equal("overage", last.GetProperty("band").GetString());
        Assert.Equal(1.1m, last.GetProperty("newUtilization").GetDecimal());
        var status = await CapacityAsync(admin, campaignId);
        Assert.Equal(-10m, status.GetProperty("credits").GetProperty("remaining").GetDecimal());
        Assert.Equal(110m, status.GetProperty("hardLimit").GetDecimal());
        Assert.Equal(1.1m, status.GetProperty("overallUtilization").GetDecimal());
    }

    [Fact]
    public async Task RefundCredits_AfterConsumption_WritesNegativeLedgerEntry()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin), allocation: 100m);
        await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, 40m, "c-1", "mentoring"), HttpStatusCode.OK);

        var refund = await ApiAssert.JsonAsync(
            await admin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/credits/refunds", new { amount = 15.5m, reason = "Session cancelled" }),
            HttpStatusCode.OK);

        Assert.True(refund.GetProperty("allowed").GetBoolean());
        Assert.Equal(0.245m, refund.GetProperty("newUtilization").GetDecimal());
        Assert.Equal(24.5m, (await CapacityAsync(admin, campaignId)).GetProperty("credits").GetProperty("consumed").GetDecimal());
        var ledger = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaignId}/credits/ledger"), HttpStatusCode.OK);
        var items = ledger.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, ledger.GetProperty("total").GetInt32());
        var refundEntry = Assert.Single(items, e => e.GetProperty("amount").GetDecimal() < 0);
        Assert.Equal(-15.5m, refundEntry.GetProperty("amount").GetDecimal());
        Assert.Equal("Session cancelled", refundEntry.GetProperty("reason").GetString());
        var consumption = Assert.Single(items, e => e.GetProperty("amount").GetDecimal() > 0);
        Assert.Equal("mentoring", consumption.GetProperty("activity").GetString());
        Assert.Equal("c-1", consumption.GetProperty("idempotencyKey").GetString());
        Assert.True(consumption.TryGetProperty("id", out _) && consumption.TryGetProperty("createdAt", out _), $"{consumption}");
    }

    [Fact]
    public async Task RefundCredits_BelowZeroConsumption_Is400ValidationFailed()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin));
        await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, 5m), HttpStatusCode.OK);

        var response = await admin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/credits/refunds", new { amount = 6m, reason = "Too much" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(5m, (await CapacityAsync(admin, campaignId)).GetProperty("credits").GetProperty("consumed").GetDecimal());
    }

    [Fact]
    public async Task CreditLedger_WithPaging_AnswersPageShape()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateCreditsCampaignAsync(admin, await CreateCompanyAsync(admin));
        for (var i = 1; i <= 3; i++) await ApiAssert.JsonAsync(await ConsumeAsync(admin, campaignId, i), HttpStatusCode.OK);

        var page = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/campaigns/{campaignId}/credits/ledger?page=2&pageSize=2"), HttpStatusCode.OK);

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ConsumeCredits_OnSeatsCampaign_Is422PricingModelMismatch()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaignId = await CreateSeatsCampaignAsync(admin, await CreateCompanyAsync(admin));

        var response = await ConsumeAsync(admin, campaignId, 1m);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "PRICING_MODEL_MISMATCH");
    }
}
