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

/// <summary>The alert-evaluation outbox: rows committed with consumptions, removed once evaluated, caught up when left behind.</summary>
public class AlertOutboxTests() : AlertTest(new SqliteTestDatabase())
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Enroll_Accepted_LeavesNoRequestBehind()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 7);

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "v-8"));

        // Assert
        Assert.Equal("80%", Assert.Single(result.Alerts).Threshold);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task BulkAndCredits_Accepted_LeaveNoRequestBehind()
    {
        // Arrange: a bundle campaign (two pools) and a credits campaign
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 1m)).CampaignId;
        var credits = (await NewCampaignAsync(company, PricingModel.Credits, credits: 100m)).CampaignId;

        // Act
        var bulk = Ok(await Enrollments.BulkEnrollVolunteersAsync(Integration, campaign, Enumerable.Range(0, 9).Select(i => (string?)$"v-{i}").ToList()));
        var consumed = Ok(await CreditService.ConsumeAsync(Integration, credits, new CreditConsumption(85m)));

        // Assert: alerts returned as before, outbox empty
        Assert.Equal(9, bulk.Accepted);
        Assert.Equal(2, bulk.Alerts.Count); // campaign and bundle at 90 %
        Assert.Equal("80%", Assert.Single(consumed.Alerts).Threshold);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Enroll_EvaluationLostAfterCommit_RequestStaysAndCatchUpRaisesOnce()
    {
        // Arrange: the evaluator's database is unreachable right after the enrollment commits (as a crash would leave it).
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 1m)).CampaignId;
        await SetVolunteersAsync(campaign, 8);
        await using (var db = Database.CreateDbContext())
            await db.Bundles.Where(b => b.Id == bundle.BundleId).ExecuteUpdateAsync(s => s.SetProperty(b => b.VolunteersUsed, 8));
        var broken = new AlertEvaluator(new FailingFactory(), Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
            new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())));

        // Act
        var result = Ok(await new EnrollmentService(Database, Clock, broken).EnrollVolunteerAsync(Integration, campaign, "v-9"));
        var pending = await RequestsAsync();
        var tooEarly = await AlertEvaluator.ProcessPendingRequestsAsync(Delay);
        Clock.Advance(Delay);
        var first = await AlertEvaluator.ProcessPendingRequestsAsync(Delay);
        var second = await AlertEvaluator.ProcessPendingRequestsAsync(Delay);

        // Assert: committed with the consumption, one row per pool; caught up once, then gone.
        Assert.True(result.Allowed);
        Assert.Empty(result.Alerts);
        Assert.Equal(new[] { (PoolType.Bundle, bundle.BundleId), (PoolType.Campaign, campaign) }.Order(),
            pending.Select(r => (r.PoolType, r.PoolId)).Order());
        Assert.Equal(0, tooEarly.Requests);
        Assert.Equal(new AlertRequestCatchUpResult(2, 2, 2), first);
        Assert.Equal(new AlertRequestCatchUpResult(0, 0, 0), second);
        Assert.Equal("90%", Assert.Single(await AlertsOfPoolAsync(campaign)).Threshold);
        Assert.Equal("90%", Assert.Single(await AlertsOfPoolAsync(bundle.BundleId)).Threshold);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task CatchUp_RequestRowWithUsage_RaisesExactlyOneAlertEvenTwiceOrRacing()
    {
        // Arrange: usage and an outbox row inserted directly, as a crash after the commit leaves them.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 10);
        await using (var db = Database.CreateDbContext())
        {
            db.AlertEvaluationRequests.Add(new AlertEvaluationRequest(PoolType.Campaign, campaign, Clock.GetUtcNow()));
            db.AlertEvaluationRequests.Add(new AlertEvaluationRequest(PoolType.Campaign, campaign, Clock.GetUtcNow())); // two consumptions, same pool
            await db.SaveChangesAsync();
        }
        Clock.Advance(TimeSpan.FromMinutes(1));

        // Act: two servers at once, then again
        var racing = await Task.WhenAll(AlertEvaluator.ProcessPendingRequestsAsync(Delay), AlertEvaluator.ProcessPendingRequestsAsync(Delay));
        var again = await AlertEvaluator.ProcessPendingRequestsAsync(Delay);

        // Assert
        Assert.Equal(1, racing.Sum(r => r.AlertsRaised));
        Assert.Equal(0, again.Requests);
        Assert.Equal("100%", Assert.Single(await AlertsOfPoolAsync(campaign)).Threshold);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task RefusedAndRefund_WriteNoRequest()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 11); // at the hard limit
        var credits = (await NewCampaignAsync(company, PricingModel.Credits, credits: 100m)).CampaignId;
        Ok(await CreditService.ConsumeAsync(Integration, credits, new CreditConsumption(10m)));
        var broken = new AlertEvaluator(new FailingFactory(), Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
            new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())));

        // Act: with evaluation broken, any row written would stay behind
        Refused(await new EnrollmentService(Database, Clock, broken).EnrollVolunteerAsync(Integration, campaign, "v-12"), ErrorCodes.CapacityExceeded);
        Ok(await new CreditService(Database, Clock, broken).RefundAsync(Integration, credits, new CreditRefund(5m, "test")));

        // Assert
        Assert.Empty(await RequestsAsync());
    }

    private async Task<List<AlertEvaluationRequest>> RequestsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AlertEvaluationRequests.AsNoTracking().ToListAsync();
    }

    private sealed class FailingFactory : IDbContextFactory<CapacityDbContext>
    {
        public CapacityDbContext CreateDbContext() => throw new InvalidOperationException("The database went away.");
    }
}
