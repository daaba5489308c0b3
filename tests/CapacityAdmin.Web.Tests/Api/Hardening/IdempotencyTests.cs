using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api.Hardening;

/// <summary>api-v1.md "Idempotency keys": a key is bound to its operation and payload.</summary>
public sealed class IdempotencyTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static async Task<int> LedgerCountAsync(HttpClient client, Guid campaign) =>
        (await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/campaigns/{campaign}/credits/ledger"), HttpStatusCode.OK)).GetProperty("total").GetInt32();

    [Fact]
    public async Task Credits_SameKeySamePayload_AnswersTheFirstOutcome_CountingOnce()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaign = await CampaignApi.CreateCreditsCampaignAsync(admin, await CampaignApi.CreateCompanyAsync(admin));
        var body = new { amount = 10m, activity = "tree", idempotencyKey = "k-1" };

        var first = await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", body), HttpStatusCode.OK);
        var again = await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", body), HttpStatusCode.OK);

        Assert.False(first.GetProperty("existing").GetBoolean());
        Assert.True(again.GetProperty("existing").GetBoolean());
        Assert.Equal(first.GetProperty("newUtilization").GetDecimal(), again.GetProperty("newUtilization").GetDecimal());
        Assert.Equal(10m, (await CampaignApi.CapacityAsync(admin, campaign)).GetProperty("credits").GetProperty("consumed").GetDecimal());
    }

    [Theory]
    [InlineData(11, "tree")]
    [InlineData(10, "river")]
    public async Task Credits_SameKeyDifferentPayload_Is409KeyReused_AndChangesNothing(int amount, string activity)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaign = await CampaignApi.CreateCreditsCampaignAsync(admin, await CampaignApi.CreateCompanyAsync(admin));
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits",
            new { amount = 10m, activity = "tree", idempotencyKey = "k-2" }), HttpStatusCode.OK);

        var reused = await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", new { amount = (decimal)amount, activity, idempotencyKey = "k-2" });

        await ApiAssert.ProblemAsync(reused, HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(10m, (await CampaignApi.CapacityAsync(admin, campaign)).GetProperty("credits").GetProperty("consumed").GetDecimal());
        Assert.Equal(1, await LedgerCountAsync(admin, campaign));
    }

    [Fact]
    public async Task Refund_ReusingAConsumptionKey_Is409KeyReused_AndRefundsNothing()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaign = await CampaignApi.CreateCreditsCampaignAsync(admin, await CampaignApi.CreateCompanyAsync(admin));
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", new { amount = 10m, idempotencyKey = "k-3" }), HttpStatusCode.OK);

        var refund = await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits/refunds", new { amount = 10m, reason = "oops", idempotencyKey = "k-3" });

        await ApiAssert.ProblemAsync(refund, HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(10m, (await CampaignApi.CapacityAsync(admin, campaign)).GetProperty("credits").GetProperty("consumed").GetDecimal());
        Assert.Equal(1, await LedgerCountAsync(admin, campaign));
    }

    [Fact]
    public async Task Refund_SameKeySamePayload_IsExistingAndRefundsOnce()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaign = await CampaignApi.CreateCreditsCampaignAsync(admin, await CampaignApi.CreateCompanyAsync(admin));
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits", new { amount = 10m }), HttpStatusCode.OK);
        var body = new { amount = 4m, reason = "returned", idempotencyKey = "r-1" };

        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits/refunds", body), HttpStatusCode.OK);
        var again = await ApiAssert.JsonAsync(await admin.PostAsJsonAsync($"api/v1/campaigns/{campaign}/credits/refunds", body), HttpStatusCode.OK);

        Assert.True(again.GetProperty("existing").GetBoolean());
        Assert.Equal(6m, (await CampaignApi.CapacityAsync(admin, campaign)).GetProperty("credits").GetProperty("consumed").GetDecimal());
    }
}
