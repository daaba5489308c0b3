using Microsoft.EntityFrameworkCore;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>Queries and commands for the API and UI: lists, tenancy, acknowledge, snooze, upsell, capacity requests.</summary>
public class AlertServiceTests() : AlertTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task List_Filters_ByBandSeverityCompanyAndStatusWithPaging()
    {
        // Arrange: company A has 80 % and 100 % alerts, company B a 90 % alert.
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        var a80 = await SeatsCampaignAsync(a, enrolled: 8);
        await SeatsCampaignAsync(a, enrolled: 10);
        await SeatsCampaignAsync(b, enrolled: 9);
        await Scanner.ScanAsync();
        var info = Assert.Single(await AlertsOfPoolAsync(a80));
        Ok(await AlertService.AcknowledgeAsync(Cs, info.Id, null));

        // Act
        var all = Ok(await AlertService.ListAsync(Sales, new AlertQuery(), new PageRequest(1, 2)));
        var byBand = Ok(await AlertService.ListAsync(Sales, new AlertQuery(Threshold: "100"), new PageRequest()));
        var bySeverity = Ok(await AlertService.ListAsync(Sales, new AlertQuery(Severity: AlertSeverity.Warning), new PageRequest()));
        var byCompany = Ok(await AlertService.ListAsync(Sales, new AlertQuery(CompanyId: a), new PageRequest()));
        var acknowledged = Ok(await AlertService.ListAsync(Sales, new AlertQuery(Status: AlertStatus.Acknowledged), new PageRequest()));
        var fresh = Ok(await AlertService.ListAsync(Sales, new AlertQuery(Status: AlertStatus.New), new PageRequest()));

        // Assert
        Assert.Equal((3, 2), (all.Total, all.Items.Count));
        Assert.Equal("100%", Assert.Single(byBand.Items).Threshold);
        Assert.Equal(b, Assert.Single(bySeverity.Items).CompanyId);
        Assert.Equal(2, byCompany.Total);
        Assert.Equal(info.Id, Assert.Single(acknowledged.Items).Id);
        Assert.Equal(2, fresh.Total);
        Fails(await AlertService.ListAsync(Sales, new AlertQuery(Threshold: "85%"), new PageRequest()), ErrorCodes.ValidationFailed);
        Fails(await AlertService.ListAsync(Integration, new AlertQuery(), new PageRequest()), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task CountNew_PerRole_CountsWhatWaitsForThatRole()
    {
        // Arrange: company A at 80 % (info, upsell) and 100 % (error), company B at 90 % (warning).
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        var near = await SeatsCampaignAsync(a, enrolled: 8);
        var full = await SeatsCampaignAsync(a, enrolled: 10);
        await SeatsCampaignAsync(b, enrolled: 9);
        await Scanner.ScanAsync();
        var nearAlert = Assert.Single(await AlertsOfPoolAsync(near));
        var fullAlert = Assert.Single(await AlertsOfPoolAsync(full));
        Ok(await AlertService.AcknowledgeAsync(Cs, fullAlert.Id, null));

        // Act
        var cs = await AlertService.CountNewAsync(Cs);
        var companyAdmin = await AlertService.CountNewAsync(CompanyAdminOf(a));
        var salesBefore = await AlertService.CountNewAsync(Sales);
        Ok(await AlertService.UpdateUpsellAsync(Sales, nearAlert.Id, new UpsellUpdate(UpsellStatus.Contacted)));
        var salesAfter = await AlertService.CountNewAsync(Sales);

        // Assert: CS sees every unacknowledged alert; the company admin none (its 100 % alert is acknowledged,
        // the 80 % one is for Sales); Sales counts upsell items still new.
        Assert.Equal(2, cs);
        Assert.Equal(0, companyAdmin);
        Assert.Equal((1, 0), (salesBefore, salesAfter));
        Assert.Equal(0, await AlertService.CountNewAsync(Integration));
    }

    [Fact]
    public async Task List_CompanyAdmin_SeesOnlyItsCompanysAdminAlertsWithoutSalesData()
    {
        // Arrange
        var cs = await AddUserAsync(Roles.CustomerSuccess);
        var mine = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var myAdmin = await AddUserAsync(Roles.CompanyAdmin, mine);
        var full = await SeatsCampaignAsync(mine, enrolled: 10);   // error: company admins + CS
        var near = await SeatsCampaignAsync(mine, enrolled: 8);    // info: Sales only
        var theirs = await SeatsCampaignAsync(other, enrolled: 10);
        await Scanner.ScanAsync();
        var theirAlert = Assert.Single(await AlertsOfPoolAsync(theirs));
        var nearAlert = Assert.Single(await AlertsOfPoolAsync(near));

        // Act
        var list = Ok(await AlertService.ListAsync(CompanyAdminOf(mine), new AlertQuery(), new PageRequest()));
        var spoofed = Ok(await AlertService.ListAsync(CompanyAdminOf(mine), new AlertQuery(CompanyId: other), new PageRequest()));

        // Assert
        var alert = Assert.Single(list.Items);
        Assert.Equal(full, alert.PoolId);
        Assert.Equal(myAdmin, alert.Deliveries.Single(d => d.Recipient == AlertRecipients.CompanyAdmin).Address);
        Assert.Null(alert.Deliveries.Single(d => d.Recipient == AlertRecipients.CustomerSuccess).Address); // CS's address is not theirs to see
        Assert.NotEqual(cs, alert.Deliveries.Single(d => d.Recipient == AlertRecipients.CustomerSuccess).Address);
        Assert.Empty(spoofed.Items);
        Fails(await AlertService.GetAsync(CompanyAdminOf(mine), theirAlert.Id), ErrorCodes.AlertNotFound);
        Fails(await AlertService.GetAsync(CompanyAdminOf(mine), nearAlert.Id), ErrorCodes.AlertNotFound);
        Assert.Equal(cs, Ok(await AlertService.GetAsync(Cs, alert.Id)).Deliveries.Single(d => d.Recipient == AlertRecipients.CustomerSuccess).Address);
    }

    [Fact]
    public async Task ListForCampaign_NewestFirst_AndHiddenFromOtherCompanies()
    {
        // Arrange: 90 % now, 100 % an hour later.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 9);
        await Scanner.ScanAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        Ok(await Enrollments.EnrollVolunteerAsync(Integration, campaign, "tenth"));

        // Act
        var alerts = Ok(await AlertService.ListForCampaignAsync(Cs, campaign));

        // Assert
        Assert.Equal(["100%", "90%"], alerts.Select(a => a.Threshold ?? "").ToArray());
        Assert.Equal(2, Ok(await AlertService.ListForCampaignAsync(CompanyAdminOf(company), campaign)).Count);
        Fails(await AlertService.ListForCampaignAsync(CompanyAdminOf(await NewCompanyAsync()), campaign), ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task Acknowledge_ByCs_RecordsWhoWhenWhy_FirstOneStands()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 10);
        await Scanner.ScanAsync();
        var id = Assert.Single(await AlertsOfPoolAsync(campaign)).Id;

        // Act
        var acknowledged = Ok(await AlertService.AcknowledgeAsync(Cs, id, "  called the customer "));
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = Ok(await AlertService.AcknowledgeAsync(Admin, id, "later"));

        // Assert
        Assert.Equal((AlertStatus.Acknowledged, "cs@test", "called the customer"), (acknowledged.Status, acknowledged.AcknowledgedBy, acknowledged.AcknowledgeReason));
        Assert.Equal(acknowledged.AcknowledgedAt, again.AcknowledgedAt);
        Assert.Equal("cs@test", again.AcknowledgedBy);
        Fails(await AlertService.AcknowledgeAsync(Sales, id, null), ErrorCodes.Forbidden);
        Fails(await AlertService.AcknowledgeAsync(CompanyAdminOf(company), id, null), ErrorCodes.Forbidden);
        Fails(await AlertService.AcknowledgeAsync(Cs, Guid.NewGuid(), null), ErrorCodes.AlertNotFound);
    }

    [Fact]
    public async Task Snooze_NeedsAFutureDateAndAReason_ThenShowsSnoozedUntilItPasses()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 10);
        await Scanner.ScanAsync();
        var id = Assert.Single(await AlertsOfPoolAsync(campaign)).Id;
        var until = Clock.GetUtcNow().AddHours(8);

        // Act / Assert
        Fails(await AlertService.SnoozeAsync(Cs, id, Clock.GetUtcNow().AddMinutes(-1), "late"), ErrorCodes.ValidationFailed);
        Fails(await AlertService.SnoozeAsync(Cs, id, until, " "), ErrorCodes.ValidationFailed);
        Fails(await AlertService.SnoozeAsync(Cs, id, null, "why"), ErrorCodes.ValidationFailed);
        Fails(await AlertService.SnoozeAsync(Sales, id, until, "why"), ErrorCodes.Forbidden);
        var snoozed = Ok(await AlertService.SnoozeAsync(Cs, id, until, "waiting for the renewal"));
        Assert.Equal((AlertStatus.Snoozed, until, "cs@test", "waiting for the renewal"), (snoozed.Status, snoozed.SnoozedUntil, snoozed.SnoozedBy, snoozed.SnoozeReason));
        Assert.Single(Ok(await AlertService.ListAsync(Cs, new AlertQuery(Status: AlertStatus.Snoozed), new PageRequest())).Items);
        Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(AlertStatus.New, Ok(await AlertService.GetAsync(Cs, id)).Status);
    }

    [Fact]
    public async Task UpdateUpsell_FollowsWorkflowAndRecordsOwnerNotesWhoAndWhen()
    {
        // Arrange: an 80 % upsell opportunity.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 8);
        await Scanner.ScanAsync();
        var id = Assert.Single(await AlertsOfPoolAsync(campaign)).Id;

        // Act / Assert
        Fails(await AlertService.UpdateUpsellAsync(Sales, id, new UpsellUpdate(UpsellStatus.Won)), ErrorCodes.InvalidTransition);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var contacted = Ok(await AlertService.UpdateUpsellAsync(Sales, id, new UpsellUpdate(UpsellStatus.Contacted, "Dana", "Called, wants 20 more")));
        Assert.Equal((UpsellStatus.Contacted, "Dana", "Called, wants 20 more", "sales@test", Clock.GetUtcNow()),
            (contacted.UpsellStatus, contacted.UpsellOwner, contacted.UpsellNotes, contacted.UpsellUpdatedBy, contacted.UpsellUpdatedAt));
        var notesOnly = Ok(await AlertService.UpdateUpsellAsync(Cs, id, new UpsellUpdate(Notes: "Quote sent")));
        Assert.Equal((UpsellStatus.Contacted, "Dana", "Quote sent", "cs@test"), (notesOnly.UpsellStatus, notesOnly.UpsellOwner, notesOnly.UpsellNotes, notesOnly.UpsellUpdatedBy));
        var won = Ok(await AlertService.UpdateUpsellAsync(Sales, id, new UpsellUpdate(UpsellStatus.Won, Owner: "")));
        Assert.Equal((UpsellStatus.Won, (string?)null), (won.UpsellStatus, won.UpsellOwner));
        Fails(await AlertService.UpdateUpsellAsync(Sales, id, new UpsellUpdate(UpsellStatus.Contacted)), ErrorCodes.InvalidTransition);
        Fails(await AlertService.UpdateUpsellAsync(CompanyAdminOf(company), id, new UpsellUpdate(Notes: "x")), ErrorCodes.Forbidden);
        Fails(await AlertService.UpdateUpsellAsync(Sales, id, new UpsellUpdate()), ErrorCodes.ValidationFailed);
        Fails(await AlertService.UpdateUpsellAsync(Sales, Guid.NewGuid(), new UpsellUpdate(Notes: "x")), ErrorCodes.AlertNotFound);
    }

    [Fact]
    public async Task UpdateUpsell_NotAnUpsellItem_IsRefused()
    {
        // Arrange: a 100 % error alert has no upsell workflow.
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 10);
        await Scanner.ScanAsync();
        var alert = Assert.Single(await AlertsOfPoolAsync(campaign));

        // Act / Assert
        Assert.Null(alert.UpsellStatus);
        Fails(await AlertService.UpdateUpsellAsync(Sales, alert.Id, new UpsellUpdate(UpsellStatus.Contacted)), ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task RequestCapacity_ByCompanyAdmin_LandsInTheSalesUpsellList()
    {
        // Arrange
        var salesUser = await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 5);
        var admin = new Actor("owner@customer.test", Roles.CompanyAdmin, company);

        // Act
        var request = Ok(await AlertService.RequestCapacityAsync(admin, campaign, "We need 20 more seats for the spring drive"));

        // Assert
        Assert.Equal((AlertKind.CapacityRequest, AlertAction.CapacityRequest, AlertSeverity.Info, (string?)null, 50.00m),
            (request.Kind, request.Action, request.Severity, request.Threshold, request.UtilizationPercent));
        Assert.Contains("spring drive", request.Message, StringComparison.Ordinal);
        Assert.Equal("owner@customer.test", request.CreatedBy);
        Assert.Null(request.UpsellStatus); // the company admin does not see the sales fields
        var delivery = Assert.Single(Ok(await AlertService.GetAsync(Sales, request.Id)).Deliveries);
        Assert.Equal((AlertRecipients.Sales, salesUser, DeliveryState.Pending), (delivery.Recipient, delivery.Address, delivery.State));
        var upsell = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(), new PageRequest()));
        var item = Assert.Single(upsell.Items);
        Assert.Equal((request.Id, UpsellStatus.New, (Guid?)campaign, company), (item.AlertId, item.Status, item.CampaignId, item.CompanyId!.Value));
        Assert.Single(Ok(await AlertService.ListAsync(admin, new AlertQuery(), new PageRequest())).Items); // its own request
        Fails(await AlertService.RequestCapacityAsync(CompanyAdminOf(await NewCompanyAsync()), campaign, null), ErrorCodes.CampaignNotFound);
        Fails(await AlertService.RequestCapacityAsync(Integration, campaign, null), ErrorCodes.Forbidden);
        Fails(await AlertService.RequestCapacityAsync(Sales, campaign, null), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task RequestCapacity_WhileOneIsOpen_IsRefusedAsPendingUntilSalesClosesIt()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await SeatsCampaignAsync(company, enrolled: 5);
        var admin = CompanyAdminOf(company);
        var first = Ok(await AlertService.RequestCapacityAsync(admin, campaign, "first"));

        // Act
        var second = await AlertService.RequestCapacityAsync(admin, campaign, "second");
        var pending = Ok(await AlertService.GetOpenCapacityRequestAsync(admin, campaign));
        Ok(await AlertService.UpdateUpsellAsync(Sales, first.Id, new UpsellUpdate(UpsellStatus.Contacted)));
        var whileContacted = await AlertService.RequestCapacityAsync(admin, campaign, "third");
        Ok(await AlertService.UpdateUpsellAsync(Sales, first.Id, new UpsellUpdate(UpsellStatus.Won)));
        var afterWon = await AlertService.RequestCapacityAsync(admin, campaign, "fourth");

        // Assert
        Fails(second, ErrorCodes.CapacityRequestPending);
        Assert.Equal(first.Id, pending?.Id);
        Fails(whileContacted, ErrorCodes.CapacityRequestPending);
        Assert.True(afterWon.IsSuccess);
        Assert.Equal(afterWon.Value!.Id, Ok(await AlertService.GetOpenCapacityRequestAsync(admin, campaign))?.Id);
        var requests = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(Kind: AlertKind.CapacityRequest), new PageRequest()));
        Assert.Equal(2, requests.Total);
        Fails(await AlertService.GetOpenCapacityRequestAsync(CompanyAdminOf(await NewCompanyAsync()), campaign), ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task UpsellList_HoldsOpportunitiesAndRequests_WithFiltersAndCsvExport()
    {
        // Arrange: an 80 % opportunity, a 90 % warning (not an upsell item) and a capacity request.
        var company = await NewCompanyAsync();
        var near = await SeatsCampaignAsync(company, enrolled: 8);
        await SeatsCampaignAsync(company, enrolled: 9);
        await Scanner.ScanAsync();
        Clock.Advance(TimeSpan.FromHours(3));
        var request = Ok(await AlertService.RequestCapacityAsync(CompanyAdminOf(company), near, "more, please"));
        var opportunity = Assert.Single(await AlertsOfPoolAsync(near), a => a.Kind == AlertKind.Threshold);
        Ok(await AlertService.UpdateUpsellAsync(Sales, opportunity.Id, new UpsellUpdate(UpsellStatus.Contacted, "Dana", "notes, with \"quotes\"")));

        // Act
        var list = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(), new PageRequest()));
        var contacted = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(Status: UpsellStatus.Contacted), new PageRequest()));
        var dana = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(Owner: "Dana"), new PageRequest()));
        var csv = await UpsellCsvText.OfAsync(Ok(AlertService.StreamUpsellExport(Sales, new UpsellQuery())));

        // Assert
        Assert.Equal([request.Id, opportunity.Id], list.Items.Select(i => i.AlertId).ToArray()); // newest first
        var item = list.Items[1];
        Assert.Equal(("80%", 80.00m, TimeSpan.FromHours(3), "Dana"), (item.Threshold, item.UtilizationPercent, item.Age, item.Owner));
        Assert.NotNull(item.CompanyName);
        Assert.Equal(opportunity.Id, Assert.Single(contacted.Items).AlertId);
        Assert.Single(dana.Items);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("alertId,kind,companyId,company,poolType,poolId,pool,campaignId,utilizationPercent,band,createdAt,ageHours,status,owner,notes", lines[0], StringComparison.Ordinal);
        Assert.Contains(",80.00,80%,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",3,contacted,Dana,\"notes, with \"\"quotes\"\"\",", lines[2], StringComparison.Ordinal);
        Fails(await AlertService.ListUpsellAsync(CompanyAdminOf(company), new UpsellQuery(), new PageRequest()), ErrorCodes.Forbidden);
        Fails(AlertService.StreamUpsellExport(Integration, new UpsellQuery()), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Dispatch_FailedThenSent_RecordsEveryAttemptAndTheAlertShowsTheDelivery()
    {
        // Arrange: one failed then one successful attempt.
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        var sender = new TestAlertSender { Fail = (_, call) => call == 1 ? new TimeoutException("provider timeout") : null };
        await Dispatcher(sender).DispatchPendingAsync("node-a", 10);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Dispatcher(sender).DispatchPendingAsync("node-a", 10);

        // Act
        var view = Ok(await AlertService.GetAsync(Cs, alert.Id));

        // Assert
        var delivery = Assert.Single(view.Deliveries);
        Assert.Equal((DeliveryState.Sent, 2, "TimeoutException: provider timeout"), (delivery.State, delivery.Attempts, delivery.LastError));
        await using var db = Database.CreateDbContext();
        var attempts = await db.AlertDeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Number).ToListAsync();
        Assert.Equal([(1, DeliveryAttemptOutcome.Failed, "TimeoutException: provider timeout"), (2, DeliveryAttemptOutcome.Sent, null)],
            attempts.Select(a => (a.Number, a.Outcome, a.Error)).ToArray());
    }
}
