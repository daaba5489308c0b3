using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>The cached threshold bands: invalidated on this server by a settings change, expired on the others.</summary>
public class AlertBandCacheTests() : AlertTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task SettingsChange_SameServer_NextConsumptionUsesTheNewBand()
    {
        // Arrange: one cache shared by the settings service and the consumption path, already filled.
        var cache = new AlertBandCache(Clock);
        var evaluator = new AlertEvaluator(Database, Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
            new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())), cache);
        var enrollments = new CapacityAdmin.Domain.Campaigns.EnrollmentService(Database, Clock, evaluator);
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, seats: 100, enrolled: 80);
        Assert.Empty(Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, "fills-the-cache")).Alerts); // 81 %

        // Act: the 90 % band now starts at 85 %; usage goes 84 -> 85
        Ok(await new AlertSettingsService(Database, Clock, cache).UpdateAsync(Admin, [Band("90%", 85m)]));
        await SetVolunteersAsync(campaign, 3);
        var result = Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, "crosses-85"));

        // Assert: crossed and raised under the new band (stale bands would have seen 85 % inside the 80 % band)
        Assert.Equal("90%", Assert.Single(result.Alerts).Threshold);
    }

    [Fact]
    public async Task SettingsChange_OtherServer_SeenOnceItsCopyExpires()
    {
        // Arrange: two servers, each with its own cache; the other server has read the bands.
        var here = new AlertBandCache(Clock);
        var other = new AlertBandCache(Clock);
        await using (var db = Database.CreateDbContext())
            Assert.Equal(90m, (await other.GetAsync(db, default)).Single(b => b.Threshold == "90%").MinUtilizationPercent);

        // Act
        Ok(await new AlertSettingsService(Database, Clock, here).UpdateAsync(Admin, [Band("90%", 85m)]));
        decimal stale, fresh;
        await using (var db = Database.CreateDbContext())
        {
            Clock.Advance(AlertBandCache.Lifetime - TimeSpan.FromMilliseconds(1));
            stale = (await other.GetAsync(db, default)).Single(b => b.Threshold == "90%").MinUtilizationPercent;
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            fresh = (await other.GetAsync(db, default)).Single(b => b.Threshold == "90%").MinUtilizationPercent;
        }

        // Assert
        Assert.Equal(90m, stale);
        Assert.Equal(85m, fresh);
    }

    private static AlertBandSettingInput Band(string threshold, decimal min) =>
        new(threshold, min, "warning", ["company_admin"], "recommend_expansion", TimeSpan.FromHours(12));
}
