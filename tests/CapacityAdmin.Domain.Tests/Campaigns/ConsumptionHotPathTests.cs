using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Campaigns;

/// <summary>
/// The hot path's own decisions (issue #11): a refused UPDATE answered from one read in its transaction, the
/// refused-demand count in that transaction or after its rollback, re-enrollments of a full campaign, and the
/// narrow snapshot the answer is built from. On SQLite and PostgreSQL.
/// </summary>
public abstract class ConsumptionHotPathTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task EnrollVolunteer_QuotaFullBundleNot_RollsTheBundleBackAndCountsTheCampaign()
    {
        // Arrange: bundle of 10; the campaign's share is half (quota 5, no overage), all 5 used.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m, overage: 0m);
        await EnrollVolunteersAsync(campaign.CampaignId, 5);

        // Act: the bundle UPDATE succeeds (5 -> 6 of 10), the campaign's refuses (6 > 5)
        var refused = Refused(await Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, "sixth"), ErrorCodes.CapacityExceeded);

        // Assert: the bundle's raise rolled back; the refusal counted on the campaign's pool, not the bundle's
        Assert.Equal(1.2m, refused.NewUtilization);
        Assert.Equal(5, (await StatusAsync(campaign.CampaignId)).Bundle!.Used);
        Assert.Equal(5, await BundleUsedAsync(bundle.BundleId));
        Assert.Equal(1, Assert.Single(await RefusalRowsAsync(campaign.CampaignId)).Refused);
        Assert.Empty(await RefusalRowsAsync(bundle.BundleId));
    }

    [Fact]
    public async Task EnrollVolunteer_FullCampaignAlreadyEnrolledId_IsExistingNotRefused()
    {
        // Arrange: 10 of hard 10
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10, overage: 0m);
        await EnrollVolunteersAsync(campaign.CampaignId, 10);

        // Act: v-3 is enrolled; the refused UPDATE's read sees it
        var again = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, "v-3"));

        // Assert: a replay, nothing counted, no refused demand
        Assert.True(again.Allowed && again.Existing);
        Assert.Equal(1.0m, again.NewUtilization);
        Assert.Equal(10, (await StatusAsync(campaign.CampaignId)).Volunteers.Current);
        Assert.Empty(await RefusalRowsAsync(campaign.CampaignId));
    }

    [Fact]
    public async Task ConsumeCredits_FullCampaignKeyUsedBefore_ReplaysTheFirstResultNotRefused()
    {
        // Arrange: 10.00 credits, no overage, used up by the keyed first request
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 10m, overage: 0m);
        var first = Ok(await CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(10m, "a", "key-1")));

        // Act
        var replay = Ok(await CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(10m, "a", "key-1")));
        var other = Refused(await CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(0.01m, "a", "key-2")),
            ErrorCodes.CapacityExceeded);

        // Assert
        Assert.True(first.Allowed && replay.Allowed && replay.Existing);
        Assert.Equal(first.LedgerEntry!.Id, replay.LedgerEntry!.Id);
        Assert.Equal(1.001m, other.NewUtilization);
        Assert.Equal(1, Assert.Single(await RefusalRowsAsync(campaign.CampaignId)).Refused);
    }

    [Fact]
    public async Task Refusal_CampaignNotAccepting_IsAValueWithItsCodeAndCountsNothing()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10, status: CampaignStatus.Paused);

        // Act
        var refused = Refused(await Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, "v"), ErrorCodes.CampaignNotAccepting);

        // Assert: the would-be utilization is reported; a lifecycle state is no refused demand
        Assert.Equal(0.1m, refused.NewUtilization);
        Assert.Equal(PoolType.Campaign, Assert.Single(refused.Pools).PoolType);
        Assert.Empty(await RefusalRowsAsync(campaign.CampaignId));
    }

    [Fact]
    public async Task Refund_BeyondConsumed_IsAValidationErrorNotARefusal()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 10m);
        Ok(await CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(1.50m)));

        // Act
        var error = Fails(await CreditService.RefundAsync(Integration, campaign.CampaignId, new CreditRefund(2m, "too much")), ErrorCodes.ValidationFailed);

        // Assert
        Assert.Contains("1.50", error.Detail);
        Assert.Equal(1.50m, (await StatusAsync(campaign.CampaignId)).Credits!.Consumed);
    }

    private async Task<int> BundleUsedAsync(Guid bundleId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Bundles.Where(b => b.Id == bundleId).Select(b => b.VolunteersUsed).SingleAsync();
    }

    private async Task<List<Domain.Forecasts.PoolRefusalDay>> RefusalRowsAsync(Guid poolId)
    {
        await using var db = Database.CreateDbContext();
        return await db.PoolRefusalDays.AsNoTracking().Where(r => r.PoolId == poolId).ToListAsync();
    }
}

public sealed class SqliteConsumptionHotPathTests() : ConsumptionHotPathTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresConsumptionHotPathTests(PostgresDatabaseFixture fixture)
    : ConsumptionHotPathTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
