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
/// A refusal is evaluated against current usage, but a band window the evaluator has just seen closed in the
/// database is remembered (at most <see cref="AlertBandCache.Lifetime"/>), so refusals inside it open no
/// evaluation context; a band change forgets every remembered window.
/// </summary>
public class AlertWindowMemoryTests() : AlertTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task Refusals_InsideAKnownClosedWindow_SkipTheEvaluationUntilTheMemoryExpires()
    {
        // Arrange: 11 of hard 11; the evaluator's contexts are counted.
        var (enrollments, opened, _) = Services();
        var campaign = await SeatsCampaignAsync(await NewCompanyAsync(), enrolled: 11);

        // Act
        var first = Refused(await enrollments.EnrollVolunteerAsync(Integration, campaign, "a"), ErrorCodes.CapacityExceeded);
        var afterFirst = opened.Count;
        var second = Refused(await enrollments.EnrollVolunteerAsync(Integration, campaign, "b"), ErrorCodes.CapacityExceeded);
        var afterSecond = opened.Count;
        Clock.Advance(AlertBandCache.Lifetime);
        var third = Refused(await enrollments.EnrollVolunteerAsync(Integration, campaign, "c"), ErrorCodes.CapacityExceeded);
        var afterThird = opened.Count;
        Clock.Advance(TimeSpan.FromMinutes(61));
        var afterWindow = Refused(await enrollments.EnrollVolunteerAsync(Integration, campaign, "d"), ErrorCodes.CapacityExceeded);

        // Assert: raised once; the second refusal evaluated nothing; the third read the window again (still closed);
        // once the repeat window has passed, a refusal raises the critical alert again.
        Assert.Equal("110%", Assert.Single(first.Alerts).Threshold);
        Assert.True(afterFirst > 0);
        Assert.Empty(second.Alerts);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Empty(third.Alerts);
        Assert.True(afterThird > afterSecond);
        Assert.Equal("110%", Assert.Single(afterWindow.Alerts).Threshold);
        Assert.Equal(4L, await RefusedAsync(campaign));
    }

    [Fact]
    public async Task BandChange_ForgetsTheRememberedWindows()
    {
        // Arrange: the critical window raised and remembered
        var (enrollments, opened, cache) = Services();
        var campaign = await SeatsCampaignAsync(await NewCompanyAsync(), enrolled: 11);
        Assert.Single(Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, "a")).Alerts);
        var before = opened.Count;

        // Act: a band change on this server, then at once another refusal
        Ok(await new AlertSettingsService(Database, Clock, cache).UpdateAsync(Admin,
            [new AlertBandSettingInput("90%", 85m, "warning", ["company_admin"], "recommend_expansion", TimeSpan.FromHours(12))]));
        var refused = Refused(await enrollments.EnrollVolunteerAsync(Integration, campaign, "b"), ErrorCodes.CapacityExceeded);

        // Assert: the window was read from the database again (and is still closed there)
        Assert.True(opened.Count > before);
        Assert.Empty(refused.Alerts);
    }

    private (EnrollmentService Enrollments, CountingFactory Opened, AlertBandCache Cache) Services()
    {
        var cache = new AlertBandCache(Clock);
        var opened = new CountingFactory(Database);
        var evaluator = new AlertEvaluator(opened, Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
            new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())), cache);
        return (new EnrollmentService(Database, Clock, evaluator), opened, cache);
    }

    private async Task<long> RefusedAsync(Guid campaignId)
    {
        await using var db = Database.CreateDbContext();
        return await db.PoolRefusalDays.Where(r => r.PoolId == campaignId).SumAsync(r => r.Refused);
    }

    private sealed class CountingFactory(IDbContextFactory<CapacityDbContext> inner) : IDbContextFactory<CapacityDbContext>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public CapacityDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _count);
            return inner.CreateDbContext();
        }
    }
}
