using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>Refused demand is counted once per refused call, on the pool whose limit refused it, one row per pool and day.</summary>
public abstract class RefusedDemandTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task EnrollVolunteer_FiftyRacingRefusals_CountsExactlyFifty()
    {
        // Arrange: 1 seat, hard limit floor(1.1) = 1, taken.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 1);
        await EnrollVolunteersAsync(campaign.CampaignId, 1, "pre");

        // Act
        var results = await RaceAsync(50, i => Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, $"racer-{i}"));

        // Assert: 50 refusals, one row holding 50.
        Assert.All(results, r => Assert.Equal(ErrorCodes.CapacityExceeded, Ok(r).Code));
        var rows = await RowsAsync(campaign.CampaignId);
        var row = Assert.Single(rows);
        Assert.Equal(50, row.Refused);
        Assert.Equal(PoolMeasure.Volunteers, row.Measure);
        Assert.Equal(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), row.Day);
    }

    [Fact]
    public async Task ConsumeCredits_FiftyRacingRefusals_CountsExactlyFifty()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 10m);
        Assert.True(Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(11m))).Allowed);

        var results = await RaceAsync(50, _ => CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(0.01m)));

        Assert.All(results, r => Assert.False(Ok(r).Allowed));
        var row = Assert.Single(await RowsAsync(campaign.CampaignId));
        Assert.Equal(50, row.Refused);
        Assert.Equal(PoolMeasure.Credits, row.Measure);
    }

    protected async Task<List<Domain.Forecasts.PoolRefusalDay>> RowsAsync(Guid poolId)
    {
        await using var db = Database.CreateDbContext();
        return await db.PoolRefusalDays.AsNoTracking().Where(r => r.PoolId == poolId).ToListAsync();
    }
}

public sealed class SqliteRefusedDemandTests() : RefusedDemandTests(new SqliteTestDatabase())
{
    [Fact]
    public async Task Refusals_LearnersBundleBulkAndNextDay_EachCountedOnItsPoolAndDay()
    {
        // Arrange: an iaas campaign full at 1 learner; a bundle of 2 with a campaign holding all of it.
        var company = await NewCompanyAsync();
        var iaas = await NewCampaignAsync(company, PricingModel.Iaas, learners: 1);
        await EnrollLearnersAsync(iaas.CampaignId, 1);
        var bundle = await NewBundleAsync(company, 2);
        var linked = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 1m);
        await EnrollVolunteersAsync(linked.CampaignId, 2);
        var seats = await NewCampaignAsync(company, seats: 2);

        // Act: 2 refused learners; a bulk of 5 on 2 seats (3 refused items); tomorrow one more bundle refusal.
        Refused(await Enrollments.EnrollLearnerAsync(Admin, iaas.CampaignId, "l-x"), ErrorCodes.CapacityExceeded);
        Refused(await Enrollments.EnrollLearnerAsync(Admin, iaas.CampaignId, "l-y"), ErrorCodes.CapacityExceeded);
        var bulk = Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, seats.CampaignId, ["a", "b", "c", "d", "e"]));
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, linked.CampaignId, "over-1"), ErrorCodes.CapacityExceeded);
        Clock.Advance(TimeSpan.FromDays(1));
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, linked.CampaignId, "over-2"), ErrorCodes.CapacityExceeded);
        // A release is no refusal, nor is an existing enrollment.
        Ok(await Enrollments.EnrollVolunteerAsync(Admin, seats.CampaignId, "a"));

        // Assert
        Assert.Equal(3, bulk.Refused);
        Assert.Equal(2, Assert.Single(await RowsAsync(iaas.CampaignId)).Refused);
        Assert.Equal(3, Assert.Single(await RowsAsync(seats.CampaignId)).Refused);
        var bundleRows = (await RowsAsync(bundle.BundleId)).OrderBy(r => r.Day).ToList();
        Assert.Equal([1L, 1L], bundleRows.Select(r => r.Refused));
        Assert.Equal(bundleRows[0].Day.AddDays(1), bundleRows[1].Day);
        Assert.All(bundleRows, r => Assert.Equal(PoolType.Bundle, r.PoolType));
        // The bundle refused, not the campaign's own quota (2 of hard 2): nothing counted on the campaign.
        Assert.Empty(await RowsAsync(linked.CampaignId));
    }
}

[Trait("Category", "Postgres")]
public sealed class PostgresRefusedDemandTests(PostgresDatabaseFixture fixture)
    : RefusedDemandTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
