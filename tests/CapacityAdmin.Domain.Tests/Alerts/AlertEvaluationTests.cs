using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>Evaluation after consumption and by the scan: bands, repeat windows, recipients.</summary>
public class AlertEvaluationTests() : AlertTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task Enroll_Below80Percent_RaisesNothing()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 6);

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "v-7"));

        // Assert
        Assert.Empty(result.Alerts);
        Assert.Empty(await AlertsOfPoolAsync(campaign));
    }

    [Fact]
    public async Task Enroll_Reaching80Percent_RaisesInfoForSalesUsersAndMailbox()
    {
        // Arrange
        AlertOptions.SalesMailbox = "sales-team@example.test";
        var salesUser = await AddUserAsync(Roles.Sales);
        await AddUserAsync(Roles.Sales, revoked: true);
        await AddUserAsync(Roles.CustomerSuccess);
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 7);

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "v-8"));

        // Assert
        var alert = Assert.Single(result.Alerts);
        Assert.Equal("80%", alert.Threshold);
        Assert.Equal(AlertSeverity.Info, alert.Severity);
        Assert.Equal(AlertAction.UpsellOpportunity, alert.Action);
        Assert.Equal(80.00m, alert.UtilizationPercent);
        Assert.Equal(PoolType.Campaign, alert.PoolType);
        Assert.Equal(company, alert.CompanyId);
        Assert.Equal([AlertRecipients.Sales], alert.Recipients);
        Assert.Equal(UpsellStatus.New, alert.UpsellStatus);
        Assert.Contains("8 of 10", alert.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "sales-team@example.test", salesUser }.Order(StringComparer.Ordinal),
            alert.Deliveries.Select(d => d.Address!).Order(StringComparer.Ordinal)); // the revoked Sales user and CS get nothing
        Assert.All(alert.Deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
        Assert.Single(await AlertsOfPoolAsync(campaign));
    }

    [Fact]
    public async Task Bulk_CrossingSeveralBands_EvaluatedOnceForTheHighest()
    {
        // Arrange
        await AddUserAsync(Roles.CustomerSuccess);
        var company = await NewCompanyAsync();
        var companyAdmin = await AddUserAsync(Roles.CompanyAdmin, company);
        await AddUserAsync(Roles.CompanyAdmin, await NewCompanyAsync()); // another company's admin
        var campaign = await SeatsCampaignAsync(company);

        // Act: 0 -> 10 of 10 passes 80 % and 90 % on the way.
        var bulk = Ok(await Enrollments.BulkEnrollVolunteersAsync(Integration, campaign, Enumerable.Range(0, 10).Select(i => (string?)$"v-{i}").ToList()));

        // Assert
        var alert = Assert.Single(bulk.Alerts);
        Assert.Equal("100%", alert.Threshold);
        Assert.Equal(AlertSeverity.Error, alert.Severity);
        Assert.Equal([AlertRecipients.CompanyAdmin, AlertRecipients.CustomerSuccess], alert.Recipients);
        Assert.Contains(alert.Deliveries, d => d.Recipient == AlertRecipients.CompanyAdmin && d.Address == companyAdmin);
        Assert.Equal(2, alert.Deliveries.Count);
        Assert.Single(await AlertsOfPoolAsync(campaign));
    }

    [Theory]
    [InlineData(8, "80%", 24)]
    [InlineData(9, "90%", 12)]
    [InlineData(10, "100%", 6)]
    [InlineData(11, "110%", 1)]
    public async Task RepeatWindow_InsideWindowNothing_AfterItANewAlert(int enrolled, string threshold, int windowHours)
    {
        // Arrange: 10 seats, hard limit 11; the bulk enrollment raises the first alert.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company);
        var first = Ok(await Enrollments.BulkEnrollVolunteersAsync(Integration, campaign,
            Enumerable.Range(0, enrolled).Select(i => (string?)$"v-{i}").ToList()));
        Assert.Equal(threshold, Assert.Single(first.Alerts).Threshold);

        // Act / Assert: a second evaluation just inside the window raises nothing ...
        Clock.Advance(TimeSpan.FromHours(windowHours) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await Scanner.ScanAsync()).AlertsRaised);
        var again = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "v-0")); // existing: counts nothing
        Assert.Empty(again.Alerts);
        Assert.Single(await AlertsOfPoolAsync(campaign));

        // ... and once the window has passed, the same band alerts again.
        Clock.Advance(TimeSpan.FromSeconds(1));
        var scan = await Scanner.ScanAsync();
        Assert.Equal(1, scan.AlertsRaised);
        var alerts = await AlertsOfPoolAsync(campaign);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(threshold, a.Threshold));
    }

    [Fact]
    public async Task RefusedEnrollment_AtHardLimit_RaisesCriticalAgainstCurrentUsage()
    {
        // Arrange: 11 of 10 (the hard limit) reached; the critical alert of the bulk is 61 minutes old.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company);
        Ok(await Enrollments.BulkEnrollVolunteersAsync(Integration, campaign, Enumerable.Range(0, 11).Select(i => (string?)$"v-{i}").ToList()));
        Clock.Advance(TimeSpan.FromMinutes(61));

        // Act
        var refused = Refused(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "one-too-many"), ErrorCodes.CapacityExceeded);

        // Assert
        var alert = Assert.Single(refused.Alerts);
        Assert.Equal("110%", alert.Threshold);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(AlertAction.BlockEnrollments, alert.Action);
        Assert.Equal(110.00m, alert.UtilizationPercent); // current usage, not what the refused attempt would have made
        Assert.Equal(2, (await AlertsOfPoolAsync(campaign)).Count);
    }

    [Fact]
    public async Task RefusedEnrollment_InsideCriticalWindow_RaisesNothing()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 11);
        Assert.Equal(1, (await Scanner.ScanAsync()).AlertsRaised);
        Clock.Advance(TimeSpan.FromMinutes(30));

        // Act
        var refused = Refused(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "x"), ErrorCodes.CapacityExceeded);

        // Assert
        Assert.Empty(refused.Alerts);
        Assert.Single(await AlertsOfPoolAsync(campaign));
    }

    [Fact]
    public async Task Credits_ConsumeTo90AndRefusedAtHardLimit_RaiseWarningThenCritical()
    {
        // Arrange: 100.00 credits, hard limit 110.00.
        var company = await NewCompanyAsync();
        var campaign = (await NewCampaignAsync(company, PricingModel.Credits, credits: 100m)).CampaignId;

        // Act
        var warning = Ok(await CreditService.ConsumeAsync(Integration, campaign, new CreditConsumption(90.50m)));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await CreditService.ConsumeAsync(Integration, campaign, new CreditConsumption(19.50m))); // 110.00: critical
        Clock.Advance(TimeSpan.FromHours(1));
        var refused = Refused(await CreditService.ConsumeAsync(Integration, campaign, new CreditConsumption(0.01m)), ErrorCodes.CapacityExceeded);
        var replay = Ok(await CreditService.RefundAsync(Integration, campaign, new CreditRefund(5m, "refund")));

        // Assert
        Assert.Equal("90%", Assert.Single(warning.Alerts).Threshold);
        Assert.Equal(90.50m, warning.Alerts[0].UtilizationPercent);
        Assert.Equal(PoolMeasure.Credits, warning.Alerts[0].Measure);
        Assert.Equal("110%", Assert.Single(refused.Alerts).Threshold);
        Assert.Empty(replay.Alerts); // refunds are not evaluated
        Assert.Equal(["90%", "110%", "110%"], (await AlertsOfPoolAsync(campaign)).Select(a => a.Threshold ?? "").ToArray());
    }

    [Fact]
    public async Task Scan_CapacityLoweredAcrossABand_RaisesTheAlert()
    {
        // Arrange: 7 of 10 (70 %), no alert; CS lowers the seats to 8: 87.5 %.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 7);
        Assert.Equal(0, (await Scanner.ScanAsync()).AlertsRaised);
        Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign, new CampaignLimitChange(CommittedSeats: 8, Reason: "downsized")));

        // Act
        var scan = await Scanner.ScanAsync();

        // Assert
        Assert.Equal(1, scan.AlertsRaised);
        var alert = Assert.Single(await AlertsOfPoolAsync(campaign));
        Assert.Equal("80%", alert.Threshold);
        Assert.Equal(87.50m, alert.UtilizationPercent);
    }

    [Fact]
    public async Task Scan_EvaluationLostAfterCommit_IsCaughtUp()
    {
        // Arrange: the evaluator's database is unreachable right after the enrollment commits.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 8);
        var broken = new AlertEvaluator(new FailingFactory(), Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
            new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())));
        var enrollments = new EnrollmentService(Database, Clock, broken);

        // Act
        var result = Ok(await enrollments.EnrollVolunteerAsync(Integration, campaign, "v-9"));
        var scan = await Scanner.ScanAsync();

        // Assert: the enrollment stands without alerts; the scan raises the 90 % alert.
        Assert.True(result.Allowed);
        Assert.Empty(result.Alerts);
        Assert.Equal(1, scan.AlertsRaised);
        Assert.Equal("90%", Assert.Single(await AlertsOfPoolAsync(campaign)).Threshold);
    }

    [Fact]
    public async Task Enroll_BundleCampaignFillsTheBundle_RaisesCampaignAndBundleAlerts()
    {
        // Arrange: bundle of 10, one campaign with the whole share (quota 10, hard 11); the bundle itself stops at 10.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = (await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 1m)).CampaignId;
        await SetVolunteersAsync(campaign, 9);
        await using (var db = Database.CreateDbContext())
            await db.Bundles.Where(b => b.Id == bundle.BundleId).ExecuteUpdateAsync(s => s.SetProperty(b => b.VolunteersUsed, 9));

        // Act
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "last"));

        // Assert
        Assert.Equal(2, result.Alerts.Count);
        Assert.Contains(result.Alerts, a => a.PoolType == PoolType.Campaign && a.Threshold == "100%");
        Assert.Contains(result.Alerts, a => a.PoolType == PoolType.Bundle && a.PoolId == bundle.BundleId && a.Threshold == "110%");
        Assert.Equal(0, (await Scanner.ScanAsync()).AlertsRaised); // the scan finds both windows closed
    }

    [Fact]
    public async Task Scan_Campaigns_CountsPoolsAndSkipsClosedAndDraft()
    {
        // Arrange
        var company = await NewCompanyAsync();
        await SeatsCampaignAsync(company, enrolled: 9);
        var draft = await NewCampaignAsync(company, seats: 10, status: CampaignStatus.Draft);
        var credits = await NewCampaignAsync(company, PricingModel.Credits, credits: 10m, targetVolunteers: 10);
        await SetVolunteersAsync(credits.CampaignId, 10); // the volunteer target of a credits campaign is a pool too

        // Act
        var scan = await Scanner.ScanAsync();

        // Assert
        Assert.Equal(2, scan.Campaigns);
        Assert.Equal(3, scan.PoolsEvaluated);
        Assert.Equal(2, scan.AlertsRaised);
        Assert.Empty(await AlertsOfPoolAsync(draft.CampaignId));
        var volunteerAlert = Assert.Single(await AlertsOfPoolAsync(credits.CampaignId));
        Assert.Equal(PoolMeasure.Volunteers, volunteerAlert.Measure);
        Assert.Equal("100%", volunteerAlert.Threshold);
    }

    [Fact]
    public async Task NoAddress_RoleWithoutUsers_IsRecordedAsNoAddressDelivery()
    {
        // Arrange: no company admin and no CS user exist.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 10);

        // Act
        await Scanner.ScanAsync();

        // Assert
        var alert = Assert.Single(await AlertsOfPoolAsync(campaign));
        Assert.Equal(2, alert.Deliveries.Count);
        Assert.All(alert.Deliveries, d =>
        {
            Assert.Null(d.Address);
            Assert.Equal(DeliveryState.NoAddress, d.State);
        });
        Assert.Equal([AlertRecipients.CompanyAdmin, AlertRecipients.CustomerSuccess], alert.Deliveries.Select(d => d.Recipient).Order().ToArray());
    }

    [Fact]
    public async Task Recipients_PersonInTwoRoles_GetsOneDelivery()
    {
        // Arrange: the same address is a CS user and the company's admin.
        var company = await NewCompanyAsync();
        await AddUserAsync(Roles.CompanyAdmin, company, "both@example.test");
        await AddUserAsync(Roles.CustomerSuccess, null, "BOTH@example.test");
        var campaign = await SeatsCampaignAsync(company, enrolled: 10);

        // Act
        await Scanner.ScanAsync();

        // Assert
        var delivery = Assert.Single(Assert.Single(await AlertsOfPoolAsync(campaign)).Deliveries);
        Assert.Equal(AlertRecipients.CompanyAdmin, delivery.Recipient);
    }

    [Fact]
    public async Task Snooze_SuppressesTheBandUntilTheDate_HigherBandStillAlerts()
    {
        // Arrange: a 90 % alert, snoozed for 3 days.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 9);
        await Scanner.ScanAsync();
        var alert = Assert.Single(await AlertsOfPoolAsync(campaign));
        Ok(await AlertService.SnoozeAsync(Cs, alert.Id, Clock.GetUtcNow().AddDays(3), "customer is negotiating"));

        // Act / Assert: the 12 h window passes, the snooze still holds.
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, (await Scanner.ScanAsync()).AlertsRaised);
        // A higher band is a different window.
        var result = Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "tenth"));
        Assert.Equal("100%", Assert.Single(result.Alerts).Threshold);
        // After the snooze the 90 % band may alert again (usage back at 90 %).
        Ok(await Enrollments.ReleaseVolunteerAsync(Integration, campaign, "tenth"));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await Scanner.ScanAsync()).AlertsRaised);
        Assert.Equal(["90%", "100%", "90%"], (await AlertsOfPoolAsync(campaign)).Select(a => a.Threshold ?? "").ToArray());
    }

    [Fact]
    public async Task ChangedRepeatWindow_AppliesToTheNextEvaluation()
    {
        // Arrange: an 80 % alert; then the Administrator shortens the 80 % window from 24 h to 1 h.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 8);
        await Scanner.ScanAsync();
        Ok(await AlertSettings.UpdateAsync(Admin, [new AlertBandSettingInput("80%", 80m, "info", ["sales"], "upsell_opportunity", TimeSpan.FromHours(1))]));

        // Act
        Clock.Advance(TimeSpan.FromHours(1));
        var scan = await Scanner.ScanAsync();

        // Assert
        Assert.Equal(1, scan.AlertsRaised);
        Assert.Equal(2, (await AlertsOfPoolAsync(campaign)).Count);
    }

    [Fact]
    public async Task ChangedRecipients_NextAlertUsesThem()
    {
        // Arrange: the 90 % band goes to CS instead of company admins.
        var cs = await AddUserAsync(Roles.CustomerSuccess);
        Ok(await AlertSettings.UpdateAsync(Admin, [new AlertBandSettingInput("90%", 90m, "warning", ["cs"], "recommend_expansion", TimeSpan.FromHours(12))]));
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 9);

        // Act
        await Scanner.ScanAsync();

        // Assert
        var alert = Assert.Single(await AlertsOfPoolAsync(campaign));
        Assert.Equal(AlertRecipients.CustomerSuccess, alert.Recipients);
        Assert.Equal(cs, Assert.Single(alert.Deliveries).Address);
    }

    private sealed class FailingFactory : IDbContextFactory<CapacityDbContext>
    {
        public CapacityDbContext CreateDbContext() => throw new InvalidOperationException("The database went away.");
    }
}
