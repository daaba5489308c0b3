using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Concurrency;

/// <summary>
/// product.md §5: N simultaneous requests for the last K places yield exactly K successes. Each
/// racer uses its own context and connection; the same bodies run on SQLite and PostgreSQL.
/// </summary>
public abstract class CapacityConcurrencyTests(TestDatabase database) : DatabaseTest(database)
{
    private const int Racers = 50;

    [Fact]
    public async Task EnrollVolunteer_FiftyRacersForLastFivePlaces_ExactlyFiveWin()
    {
        // Arrange: 20 seats + 10 % = hard limit 22; 17 taken, 5 left.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 20);
        Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, Enumerable.Range(0, 17).Select(i => (string?)$"pre-{i}").ToList()));

        // Act
        var results = await RaceAsync(Racers, i => Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, $"racer-{i}"));

        // Assert
        var values = results.Select(Ok).ToList();
        Assert.Equal(5, values.Count(r => r.Allowed));
        Assert.All(values.Where(r => !r.Allowed), r => Assert.Equal(ErrorCodes.CapacityExceeded, r.Code));
        await AssertVolunteerCountsAsync(campaign.CampaignId, 22);
    }

    [Fact]
    public async Task EnrollLearner_FiftyRacersForLastFivePlaces_ExactlyFiveWin()
    {
        // Arrange: 20 learners + 10 % = 22; 17 taken.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 20);
        await EnrollLearnersAsync(campaign.CampaignId, 17);

        // Act
        var results = await RaceAsync(Racers, i => Enrollments.EnrollLearnerAsync(Integration, campaign.CampaignId, $"racer-{i}"));

        // Assert
        Assert.Equal(5, results.Select(Ok).Count(r => r.Allowed));
        await using var db = Database.CreateDbContext();
        var counter = await db.Campaigns.Where(c => c.Id == campaign.CampaignId).Select(c => c.LearnersEnrolled).SingleAsync();
        var rows = await db.LearnerEnrollments.CountAsync(e => e.CampaignId == campaign.CampaignId && e.Status == EnrollmentStatus.Enrolled);
        Assert.Equal(22, counter);
        Assert.Equal(22, rows);
    }

    [Fact]
    public async Task ConsumeCredits_FiftyRacersForLastTenCredits_ExactlyFourWin()
    {
        // Arrange: 100.00 credits + 10 % = 110.00; 100.00 consumed; each racer wants 2.50.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);
        Assert.True(Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(100m))).Allowed);

        // Act
        var results = await RaceAsync(Racers, _ => CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(2.50m, "race")));

        // Assert
        Assert.Equal(4, results.Select(Ok).Count(r => r.Allowed));
        var status = await StatusAsync(campaign.CampaignId);
        Assert.Equal(110m, status.Credits!.Consumed);
        Assert.Equal(-10m, status.Credits.Remaining);
        await using var db = Database.CreateDbContext();
        var ledger = await db.CreditLedgerEntries.Where(e => e.CampaignId == campaign.CampaignId).SumAsync(e => e.AmountCents);
        Assert.Equal(11_000L, ledger);
    }

    [Fact]
    public async Task EnrollVolunteer_TwoBundleCampaignsRacingForLastBundlePlaces_BundleNeverExceedsCapacity()
    {
        // Arrange: bundle of 100, two campaigns of 50 % (quota 50, hard 55 each). A holds 50, B 45:
        // the bundle has 5 places left although each campaign alone would allow more.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        var a = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m);
        var b = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m);
        Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, a.CampaignId, Enumerable.Range(0, 50).Select(i => (string?)$"a-{i}").ToList()));
        Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, b.CampaignId, Enumerable.Range(0, 45).Select(i => (string?)$"b-{i}").ToList()));

        // Act
        var results = await RaceAsync(Racers, i =>
            Enrollments.EnrollVolunteerAsync(Integration, i % 2 == 0 ? a.CampaignId : b.CampaignId, $"racer-{i}"));

        // Assert
        Assert.Equal(5, results.Select(Ok).Count(r => r.Allowed));
        var bundleStatus = Ok(await BundleService.GetStatusAsync(Admin, bundle.BundleId));
        Assert.Equal(100, bundleStatus.TotalConsumed);
        Assert.Equal(100m, bundleStatus.Pool.Used);
        var countA = await AssertVolunteerCountsAsync(a.CampaignId, null);
        var countB = await AssertVolunteerCountsAsync(b.CampaignId, null);
        Assert.Equal(100, countA + countB);
        Assert.True(countA <= 55 && countB <= 55);
    }

    [Fact]
    public async Task EnrollVolunteer_TwentyRacersWithSameVolunteer_CountsOnce()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);

        // Act
        var results = await RaceAsync(20, _ => Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, "same-volunteer"));

        // Assert
        var values = results.Select(Ok).ToList();
        Assert.All(values, r => Assert.True(r.Allowed));
        Assert.Equal(1, values.Count(r => !r.Existing));
        Assert.Equal(19, values.Count(r => r.Existing));
        await AssertVolunteerCountsAsync(campaign.CampaignId, 1);
    }

    [Fact]
    public async Task ConsumeCredits_TwentyRacersWithSameIdempotencyKey_CountsOnce()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 1000m);

        // Act
        var results = await RaceAsync(20, _ =>
            CreditService.ConsumeAsync(Integration, campaign.CampaignId, new CreditConsumption(12.34m, "workshop", "key-1")));

        // Assert
        var values = results.Select(Ok).ToList();
        Assert.All(values, r => Assert.True(r.Allowed));
        Assert.Equal(1, values.Count(r => !r.Existing));
        Assert.All(values, r => Assert.Equal(values[0].LedgerEntry!.Id, r.LedgerEntry!.Id));
        Assert.Equal(12.34m, (await StatusAsync(campaign.CampaignId)).Credits!.Consumed);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.CreditLedgerEntries.CountAsync(e => e.CampaignId == campaign.CampaignId));
    }

    [Fact]
    public async Task EnrollAndRelease_RacingMixedTraffic_CounterMatchesActiveRows()
    {
        // Arrange: 10 seats, 0 % overage, 10 enrolled; half the racers release, half enroll newcomers.
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10, overage: 0);
        await EnrollVolunteersAsync(campaign.CampaignId, 10);

        // Act
        var results = await RaceAsync(20, i => i % 2 == 0
            ? Enrollments.ReleaseVolunteerAsync(Integration, campaign.CampaignId, $"v-{i / 2}")
            : Enrollments.EnrollVolunteerAsync(Integration, campaign.CampaignId, $"new-{i}"));

        // Assert: all 10 releases succeed, so exactly the allowed newcomers remain, never more than 10.
        Assert.Equal(10, results.Where((_, i) => i % 2 == 0).Count(r => Ok(r).Allowed));
        var newcomers = results.Where((_, i) => i % 2 == 1).Count(r => Ok(r).Allowed);
        var count = await AssertVolunteerCountsAsync(campaign.CampaignId, null);
        Assert.Equal(newcomers, count);
        Assert.InRange(count, 0, 10);
    }

    /// <summary>Checks the counter against the active rows (and the expected count when given); returns it.</summary>
    private async Task<int> AssertVolunteerCountsAsync(Guid campaignId, int? expected)
    {
        await using var db = Database.CreateDbContext();
        var counter = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.VolunteersEnrolled).SingleAsync();
        var rows = await db.VolunteerEnrollments.CountAsync(e => e.CampaignId == campaignId && e.Status == EnrollmentStatus.Enrolled);
        Assert.Equal(rows, counter);
        if (expected is { } e) Assert.Equal(e, counter);
        return counter;
    }
}

public sealed class SqliteCapacityConcurrencyTests() : CapacityConcurrencyTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresCapacityConcurrencyTests(PostgresDatabaseFixture fixture)
    : CapacityConcurrencyTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
