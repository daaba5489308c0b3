using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>
/// A consumption writes its alert outbox row (and is evaluated) only when it pushes a pool into a higher
/// band, decided in its transaction from the counter the UPDATE returned.
/// </summary>
public class BandCrossingTests() : AlertTest(new SqliteTestDatabase())
{
    private static readonly IReadOnlyList<AlertBand> Bands = AlertBandSetting.Defaults().Select(b => b.ToBand()).ToList();

    [Theory]
    [InlineData(79, 80, true)]
    [InlineData(89, 90, true)]
    [InlineData(99, 100, true)]
    [InlineData(109, 110, true)] // the hard limit (100 with 10 % overage)
    [InlineData(0, 1, false)]
    [InlineData(78, 79, false)]
    [InlineData(80, 81, false)]
    [InlineData(100, 101, false)]
    [InlineData(90, 89, false)]
    [InlineData(70, 95, true)] // a large consumption jumping two bands still crosses
    public void CrossesUp_EachBandBoundary_OnlyWhenAHigherBandIsReached(int before, int after, bool crosses) =>
        Assert.Equal(crosses, AlertPolicy.CrossesUp(before, after, 100, 110, Bands));

    [Fact]
    public void CrossesUp_ZeroLimit_FirstUseCrosses() => Assert.True(AlertPolicy.CrossesUp(0, 1, 0, 0, Bands));

    [Fact]
    public async Task Enroll_EachBandBoundary_WritesAnOutboxRowOnlyWhenCrossed()
    {
        // Arrange: 100 seats, hard limit 110; evaluation broken, so every outbox row written stays behind.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, seats: 100);
        var enrollments = new EnrollmentService(Database, Clock, BrokenEvaluator());
        var rowsAfter = new List<int>();

        // Act: into each band, then one more inside it
        var next = 0;
        foreach (var before in new[] { 79, 89, 99, 109 })
        {
            var (used, _) = await UsageAsync(campaign);
            await SetVolunteersAsync(campaign, before - used);
            Assert.True(Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, $"v-{next++}")).Allowed);
            rowsAfter.Add((await RequestsAsync()).Count);
            if (before < 109) Assert.True(Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, $"v-{next++}")).Allowed);
            rowsAfter.Add((await RequestsAsync()).Count);
        }

        // Assert: one row per crossing (80, 90, 100, 110), none for 81, 91, 101
        Assert.Equal(new[] { 1, 1, 2, 2, 3, 3, 4, 4 }, rowsAfter);
        Assert.All(await RequestsAsync(), r => Assert.Equal((PoolType.Campaign, campaign), (r.PoolType, r.PoolId)));
        Assert.Equal(110, (await UsageAsync(campaign)).Used);
    }

    [Fact]
    public async Task Enroll_BelowEveryBand_WritesNoRowAndRaisesNothing()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, seats: 100, enrolled: 10);

        // Act: with a broken evaluator any row would stay; with a working one, nothing is raised
        var broken = Ok(await new EnrollmentService(Database, Clock, BrokenEvaluator()).EnrollVolunteerAsync(Integration, campaign, "a"));
        var working = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "b"));

        // Assert
        Assert.True(broken.Allowed && working.Allowed);
        Assert.Empty(working.Alerts);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Bundle_CrossingOnlyTheBundleBand_WritesTheBundleRowAlone()
    {
        // Arrange: bundle of 10 at 7 used by another campaign; this campaign holds a 50 % share (quota 5), 0 used.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m)).CampaignId;
        await using (var db = Database.CreateDbContext())
            await db.Bundles.Where(b => b.Id == bundle.BundleId).ExecuteUpdateAsync(s => s.SetProperty(b => b.VolunteersUsed, 7));

        // Act: bundle 7 -> 8 (80 %), campaign 0 -> 1 of 5 (20 %)
        Ok(await new EnrollmentService(Database, Clock, BrokenEvaluator()).EnrollVolunteerAsync(Integration, campaign, "v-1"));

        // Assert
        var row = Assert.Single(await RequestsAsync());
        Assert.Equal((PoolType.Bundle, bundle.BundleId), (row.PoolType, row.PoolId));
    }

    [Fact]
    public async Task Credits_ConsumptionCrossing80_WritesOneRow_BelowItNone()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var credits = (await NewCampaignAsync(company, PricingModel.Credits, credits: 100m)).CampaignId;
        var service = new CreditService(Database, Clock, BrokenEvaluator());

        // Act
        Ok(await service.ConsumeAsync(Integration, credits, new CreditConsumption(79.99m)));
        var below = (await RequestsAsync()).Count;
        Ok(await service.ConsumeAsync(Integration, credits, new CreditConsumption(0.01m)));

        // Assert
        Assert.Equal(0, below);
        Assert.Equal((PoolType.Campaign, credits), Assert.Single(await RequestsAsync()) is var r ? (r.PoolType, r.PoolId) : default);
    }

    [Fact]
    public async Task Bundle_EachBandBoundary_WritesABundleRowOnlyWhenCrossed()
    {
        // Arrange: bundle of 100 used elsewhere; this campaign holds half of it (quota 50) and stays below every band.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        var campaign = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m)).CampaignId;
        var enrollments = new EnrollmentService(Database, Clock, BrokenEvaluator());
        var rowsAfter = new List<int>();

        // Act: the bundle into each band (80, 90, and 100 = its hard limit), then one more inside it
        var next = 0;
        foreach (var before in new[] { 79, 89, 99 })
        {
            await SetBundleUsedAsync(bundle.BundleId, before);
            Assert.True(Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, $"v-{next++}")).Allowed);
            rowsAfter.Add((await RequestsAsync()).Count);
            var inside = Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, $"v-{next++}"));
            Assert.Equal(before < 99, inside.Allowed); // a full bundle refuses
            rowsAfter.Add((await RequestsAsync()).Count);
        }

        // Assert: one bundle row per crossing; the campaign (at most 5 of 50) crossed nothing
        Assert.Equal(new[] { 1, 1, 2, 2, 3, 3 }, rowsAfter);
        Assert.All(await RequestsAsync(), r => Assert.Equal((PoolType.Bundle, bundle.BundleId), (r.PoolType, r.PoolId)));
    }

    [Fact]
    public async Task Credits_EachBandBoundaryInCents_WritesARowOnlyWhenCrossed()
    {
        // Arrange: 100.00 credits, 10 % overage (hard limit 110.00)
        var company = await NewCompanyAsync();
        var credits = (await NewCampaignAsync(company, PricingModel.Credits, credits: 100m)).CampaignId;
        var service = new CreditService(Database, Clock, BrokenEvaluator());
        var rowsAfter = new List<int>();

        // Act: up to one cent below each band, the cent that reaches it, one cent more
        foreach (var amount in new[] { 79.99m, 0.01m, 0.01m, 9.98m, 0.01m, 0.01m, 9.98m, 0.01m, 0.01m, 9.98m, 0.01m })
        {
            Assert.True(Ok(await service.ConsumeAsync(Integration, credits, new CreditConsumption(amount))).Allowed);
            rowsAfter.Add((await RequestsAsync()).Count);
        }

        // Assert: 79.99 none; 80.00 row; 80.01 none; 89.99 none; 90.00 row; 90.01, 99.99 none; 100.00 row; 100.01, 109.99 none; 110.00 row
        Assert.Equal(new[] { 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4 }, rowsAfter);
        Assert.All(await RequestsAsync(), r => Assert.Equal((PoolType.Campaign, credits), (r.PoolType, r.PoolId)));
    }

    private async Task SetBundleUsedAsync(Guid bundleId, int used)
    {
        await using var db = Database.CreateDbContext();
        await db.Bundles.Where(b => b.Id == bundleId).ExecuteUpdateAsync(s => s.SetProperty(b => b.VolunteersUsed, used));
    }

    private AlertEvaluator BrokenEvaluator() =>
        new(new FailingFactory(), Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
            new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())));

    private async Task<(int Used, int Limit)> UsageAsync(Guid campaignId)
    {
        await using var db = Database.CreateDbContext();
        var c = await db.Campaigns.AsNoTracking().FirstAsync(x => x.Id == campaignId);
        return (c.VolunteersEnrolled, c.VolunteerLimit);
    }

    private async Task<List<AlertEvaluationRequest>> RequestsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AlertEvaluationRequests.AsNoTracking().ToListAsync();
    }

    /// <summary>The evaluator's own database is gone: the consumption's own context still reads the bands.</summary>
    private sealed class FailingFactory : IDbContextFactory<CapacityDbContext>
    {
        public CapacityDbContext CreateDbContext() => throw new InvalidOperationException("The database went away.");
    }
}
