using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Campaigns;

public class CampaignServiceTests : SqliteTest
{
    [Fact]
    public async Task Create_SeatsCampaign_ReturnsStatusWithDefaults()
    {
        // Arrange
        var company = await NewCompanyAsync();

        // Act
        var status = Ok(await CampaignService.CreateAsync(Cs, new CreateCampaignRequest(company, " River ", PricingModel.Seats, 40, 500, CommittedSeats: 30)));

        // Assert
        Assert.Equal("River", status.Name);
        Assert.Equal(CampaignStatus.Active, status.Status);
        Assert.Equal(10m, status.OveragePercent);
        Assert.Equal(33m, status.HardLimit);
        Assert.Equal(new SeatsFigure(30, 0, 30, 0m), status.Seats);
        Assert.Null(status.Credits);
        Assert.Null(status.Iaas);
        Assert.Null(status.Bundle);
        Assert.Equal(new TargetFigure(40, 0, 40, 0m), status.Volunteers);
        Assert.True(status.AllowsOverage);
    }

    [Fact]
    public async Task Create_CustomCampaign_HasNoModelSection()
    {
        var company = await NewCompanyAsync();

        var status = Ok(await CampaignService.CreateAsync(Admin, new CreateCampaignRequest(company, "Garden", PricingModel.Custom, 25, 150)));

        Assert.Null(status.Seats ?? (object?)status.Credits ?? (object?)status.Iaas ?? status.Bundle);
        Assert.Equal(27m, status.HardLimit);
    }

    [Fact]
    public async Task Create_MissingModelLimitAndForeignLimit_ReportsEachField()
    {
        var company = await NewCompanyAsync();

        var error = Fails(await CampaignService.CreateAsync(Admin,
            new CreateCampaignRequest(company, "", PricingModel.Credits, -1, 0, CommittedSeats: 3, OveragePercent: -5)), ErrorCodes.ValidationFailed);

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(["committedSeats", "creditAllocation", "name", "overagePercent", "targetVolunteers"], error.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Create_CreditAllocationWithThreeDecimals_IsValidationError()
    {
        var company = await NewCompanyAsync();

        var error = Fails(await CampaignService.CreateAsync(Admin,
            new CreateCampaignRequest(company, "C", PricingModel.Credits, 1, 1, CreditAllocation: 10.005m)), ErrorCodes.ValidationFailed);

        Assert.Contains("creditAllocation", error.Errors!.Keys);
    }

    [Fact]
    public async Task Create_UnknownCompany_IsCompanyNotFound()
    {
        Fails(await CampaignService.CreateAsync(Admin, new CreateCampaignRequest(Guid.NewGuid(), "X", PricingModel.Custom, 1, 1)),
            ErrorCodes.CompanyNotFound);
    }

    [Fact]
    public async Task Create_DuplicateNameInCompany_IsDuplicate()
    {
        var company = await NewCompanyAsync();
        Ok(await CampaignService.CreateAsync(Admin, new CreateCampaignRequest(company, "Same", PricingModel.Custom, 1, 1)));

        Fails(await CampaignService.CreateAsync(Admin, new CreateCampaignRequest(company, "Same", PricingModel.Custom, 1, 1)), ErrorCodes.Duplicate);
    }

    [Fact]
    public async Task Create_SalesOrCompanyAdmin_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var request = new CreateCampaignRequest(company, "X", PricingModel.Custom, 1, 1);

        Fails(await CampaignService.CreateAsync(Sales, request), ErrorCodes.Forbidden);
        Fails(await CampaignService.CreateAsync(CompanyAdminOf(company), request), ErrorCodes.Forbidden);
        Fails(await CampaignService.CreateAsync(Integration, request), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Create_BundleCampaignWithLink_ComputesQuota()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 500);

        var status = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.333m);

        Assert.Equal(new BundleFigure(bundle.BundleId, 0.333m, 166, 0, 166, 0m), status.Bundle);
        Assert.Equal(182m, status.HardLimit); // floor(166 x 1.1)
    }

    [Fact]
    public async Task ChangeLimits_WithoutReason_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);

        var error = Fails(await CampaignService.ChangeLimitsAsync(Cs, campaign.CampaignId, new CampaignLimitChange(CommittedSeats: 20)),
            ErrorCodes.ValidationFailed);

        Assert.Contains("reason", error.Errors!.Keys);
        Assert.Equal(10, (await StatusAsync(campaign.CampaignId)).Seats!.Committed);
    }

    [Fact]
    public async Task ChangeLimits_LimitOfAnotherModel_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);

        var error = Fails(await CampaignService.ChangeLimitsAsync(Cs, campaign.CampaignId, new CampaignLimitChange(CreditAllocation: 5m, Reason: "r")),
            ErrorCodes.ValidationFailed);

        Assert.Contains("creditAllocation", error.Errors!.Keys);
    }

    [Fact]
    public async Task ChangeLimits_RaiseSeats_RecordsTimelineAndAllowsMore()
    {
        // Arrange: full at the hard limit (2 seats, 0 %).
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 2, overage: 0);
        await EnrollVolunteersAsync(campaign.CampaignId, 2);

        // Act
        var result = Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign.CampaignId,
            new CampaignLimitChange(CommittedSeats: 4, OveragePercent: 25m, Reason: "Upsell signed")));

        // Assert
        Assert.Equal(5m, result.Status.HardLimit);
        Assert.Equal(0.5m, result.Impact.NewUtilization);
        Assert.False(result.Impact.RefusesNewConsumption);
        Assert.True(Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "more")).Allowed);
        var timeline = Ok(await Queries.GetTimelineAsync(Admin, campaign.CampaignId));
        var seats = Assert.Single(timeline.Items, c => c.Field == "committedSeats");
        Assert.Equal(("2", "4", "Upsell signed", "cs@test"), (seats.OldValue, seats.NewValue, seats.Reason, seats.ChangedBy));
        Assert.Contains(timeline.Items, c => c.Field == "overagePercent" && c.OldValue == "0" && c.NewValue == "25");
    }

    [Fact]
    public async Task ChangeLimits_LowerBelowUsage_KeepsUsageAndRefusesNewConsumption()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 10);
        await EnrollVolunteersAsync(campaign.CampaignId, 8);

        // Act
        var result = Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign.CampaignId, new CampaignLimitChange(CommittedSeats: 5, Reason: "Downgrade")));

        // Assert
        var impact = result.Impact;
        Assert.Equal((8m, 10m, 5m, 5m), (impact.Used, impact.OldLimit, impact.NewLimit, impact.NewHardLimit));
        Assert.Equal(1.6m, impact.NewUtilization);
        Assert.Equal(CapacityBand.Overage, impact.NewBand);
        Assert.True(impact.BelowUsage);
        Assert.True(impact.RefusesNewConsumption);
        Assert.NotNull(impact.Warning);
        Assert.Equal(0, result.Status.Seats!.Available);
        Assert.True(result.Status.IsOverCapacity);
        Assert.False(result.Status.IsAtCapacity);
        Assert.Equal(8, (await StatusAsync(campaign.CampaignId)).Seats!.Used);
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "new"), ErrorCodes.CapacityExceeded);
    }

    [Fact]
    public async Task PreviewLimitChange_SameImpactAsChange_WritesNothing()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(90m)));
        var change = new CampaignLimitChange(CreditAllocation: 80m, Reason: "Budget cut");

        // Act
        var preview = Ok(await CampaignService.PreviewLimitChangeAsync(Cs, campaign.CampaignId, change with { Reason = null }));
        var before = await StatusAsync(campaign.CampaignId);
        var timelineBefore = Ok(await Queries.GetTimelineAsync(Admin, campaign.CampaignId));
        var applied = Ok(await CampaignService.ChangeLimitsAsync(Cs, campaign.CampaignId, change));

        // Assert
        Assert.Equal(100m, before.Credits!.Allocated);
        Assert.DoesNotContain(timelineBefore.Items, c => c.Field == "creditAllocation");
        Assert.Single(Ok(await Queries.GetTimelineAsync(Admin, campaign.CampaignId)).Items, c => c.Field == "creditAllocation");
        Assert.Equal(preview with { Changes = [] }, applied.Impact with { Changes = [] });
        Assert.Equal(preview.Changes, applied.Impact.Changes);
        Assert.Equal(1.125m, preview.NewUtilization);
        Assert.Equal(88m, preview.NewHardLimit);
        Assert.True(preview.RefusesNewConsumption); // 90 used is above the new hard limit of 88
    }

    [Fact]
    public async Task PreviewLimitChange_SalesActor_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await CampaignService.PreviewLimitChangeAsync(Sales, campaign.CampaignId, new CampaignLimitChange(CommittedSeats: 1)), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task ChangeLimits_CompanyBoundActorOfAnotherCompany_IsCampaignNotFound()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);
        var boundCs = new Domain.Identity.Actor("cs-bound", Domain.Identity.Roles.CustomerSuccess, other);

        Fails(await CampaignService.ChangeLimitsAsync(boundCs, campaign.CampaignId, new CampaignLimitChange(CommittedSeats: 1, Reason: "r")),
            ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task ChangeStatus_LegalMove_ChangesStatusAndRecordsIt()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, status: CampaignStatus.Draft);

        var status = Ok(await CampaignService.ChangeStatusAsync(Cs, campaign.CampaignId, CampaignStatus.Planned, "Kick-off booked"));

        Assert.Equal(CampaignStatus.Planned, status.Status);
        var entry = Assert.Single(Ok(await Queries.GetTimelineAsync(Admin, campaign.CampaignId)).Items, c => c.Field == "status");
        Assert.Equal(("draft", "planned", "Kick-off booked"), (entry.OldValue, entry.NewValue, entry.Reason));
    }

    [Fact]
    public async Task ChangeStatus_IllegalMove_IsInvalidTransition()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, status: CampaignStatus.Draft);

        var error = Fails(await CampaignService.ChangeStatusAsync(Cs, campaign.CampaignId, CampaignStatus.Active), ErrorCodes.InvalidTransition);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(CampaignStatus.Draft, (await StatusAsync(campaign.CampaignId)).Status);
    }

    [Fact]
    public async Task ChangeStatus_PauseThenResume_StopsAndRestartsConsumption()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Ok(await CampaignService.ChangeStatusAsync(Cs, campaign.CampaignId, CampaignStatus.Paused));
        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v"), ErrorCodes.CampaignNotAccepting);
        Ok(await CampaignService.ChangeStatusAsync(Cs, campaign.CampaignId, CampaignStatus.Active));

        Assert.True(Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "v")).Allowed);
    }

    [Fact]
    public async Task ChangeStatus_SalesActor_IsForbidden()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await CampaignService.ChangeStatusAsync(Sales, campaign.CampaignId, CampaignStatus.Paused), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task ChangeStatus_UnknownCampaign_IsCampaignNotFound()
    {
        Fails(await CampaignService.ChangeStatusAsync(Cs, Guid.NewGuid(), CampaignStatus.Paused), ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task ChangeStatus_ClosingBundleCampaign_GivesPlacesBackToBundle()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m);
        await EnrollVolunteersAsync(campaign.CampaignId, 3);
        Ok(await CampaignService.ChangeStatusAsync(Cs, campaign.CampaignId, CampaignStatus.Paused));

        // Act
        Ok(await CampaignService.ChangeStatusAsync(Cs, campaign.CampaignId, CampaignStatus.Closed));

        // Assert
        var status = Ok(await BundleService.GetStatusAsync(Admin, bundle.BundleId));
        Assert.Empty(status.Campaigns);
        Assert.Equal(0m, status.Pool.Used);
        Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-0"));
        Assert.Equal(0m, Ok(await BundleService.GetStatusAsync(Admin, bundle.BundleId)).Pool.Used);
    }

    [Fact]
    public async Task LinkToBundle_ActiveBundle_SetsShareAndQuota()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 500, BundleSubscriptionStatus.Trialing);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle);
        Assert.Null(campaign.Bundle);

        var status = Ok(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, bundle.BundleId, 0.4m));

        Assert.Equal(new BundleFigure(bundle.BundleId, 0.4m, 200, 0, 200, 0m), status.Bundle);
    }

    [Theory]
    [InlineData(BundleSubscriptionStatus.PastDue)]
    [InlineData(BundleSubscriptionStatus.Canceled)]
    [InlineData(BundleSubscriptionStatus.Unpaid)]
    public async Task LinkToBundle_BundleNotActiveOrTrialing_IsBundleNotActive(BundleSubscriptionStatus bundleStatus)
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100, bundleStatus);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle);

        var error = Fails(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, bundle.BundleId, 0.5m), ErrorCodes.BundleNotActive);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task LinkToBundle_NonBundleCampaign_IsPricingModelMismatch()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        var campaign = await NewCampaignAsync(company, PricingModel.Seats);

        var error = Fails(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, bundle.BundleId, 0.5m), ErrorCodes.PricingModelMismatch);

        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
    }

    [Fact]
    public async Task LinkToBundle_SharesAbove100Percent_IsConflictValidationFailed()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.7m);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle);

        var error = Fails(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, bundle.BundleId, 0.31m), ErrorCodes.ValidationFailed);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.True(Ok(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, bundle.BundleId, 0.3m)).Bundle is not null);
    }

    [Fact]
    public async Task LinkToBundle_BundleOfAnotherCompany_IsBundleNotFound()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var foreign = await NewBundleAsync(other, 100);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle);

        Fails(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, foreign.BundleId, 0.5m), ErrorCodes.BundleNotFound);
        Fails(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, Guid.NewGuid(), 0.5m), ErrorCodes.BundleNotFound);
    }

    [Fact]
    public async Task LinkToBundle_Relink_MovesActiveVolunteersBetweenBundles()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var first = await NewBundleAsync(company, 100);
        var second = await NewBundleAsync(company, 100);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: first.BundleId, share: 0.5m);
        await EnrollVolunteersAsync(campaign.CampaignId, 4);

        // Act
        Ok(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, second.BundleId, 0.25m, "Moved to new plan"));

        // Assert
        Assert.Equal(0m, Ok(await BundleService.GetStatusAsync(Admin, first.BundleId)).Pool.Used);
        var moved = Ok(await BundleService.GetStatusAsync(Admin, second.BundleId));
        Assert.Equal(4m, moved.Pool.Used);
        Assert.Equal(4, moved.TotalConsumed);
        Assert.Equal(25, moved.TotalQuota);
    }

    [Fact]
    public async Task ChangeLimits_BundleShare_RecomputesQuotaAndChecksSplit()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 200);
        var a = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m);
        await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.4m);

        var result = Ok(await CampaignService.ChangeLimitsAsync(Cs, a.CampaignId, new CampaignLimitChange(BundleShare: 0.6m, Reason: "rebalance")));
        var tooMuch = await CampaignService.ChangeLimitsAsync(Cs, a.CampaignId, new CampaignLimitChange(BundleShare: 0.61m, Reason: "r"));

        Assert.Equal(120, result.Status.Bundle!.Quota);
        Assert.Equal(ErrorKind.Conflict, Fails(tooMuch, ErrorCodes.ValidationFailed).Kind);
    }
}
