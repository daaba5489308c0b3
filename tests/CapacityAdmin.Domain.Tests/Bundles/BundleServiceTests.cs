using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Bundles;

public class BundleServiceTests : SqliteTest
{
    [Fact]
    public async Task Create_Valid_ReturnsEmptyStatus()
    {
        var company = await NewCompanyAsync();

        var status = Ok(await BundleService.CreateAsync(Cs, new CreateBundleRequest(company, "Enterprise 500", "ENT-500", 500)));

        Assert.Equal(("Enterprise 500", "ENT-500", 500, BundleSubscriptionStatus.Active), (status.Name, status.Sku, status.Capacity, status.Status));
        Assert.Empty(status.Campaigns);
        Assert.False(status.SplitValid);
        Assert.Single(status.SplitErrors);
    }

    [Fact]
    public async Task Create_Invalid_ReportsFields()
    {
        var company = await NewCompanyAsync();

        var error = Fails(await BundleService.CreateAsync(Cs, new CreateBundleRequest(company, " ", null, -1)), ErrorCodes.ValidationFailed);

        Assert.Equal(["capacity", "name"], error.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Create_UnknownCompany_IsCompanyNotFound()
    {
        Fails(await BundleService.CreateAsync(Cs, new CreateBundleRequest(Guid.NewGuid(), "B", null, 1)), ErrorCodes.CompanyNotFound);
    }

    [Fact]
    public async Task Create_DuplicateName_IsDuplicate()
    {
        var company = await NewCompanyAsync();
        Ok(await BundleService.CreateAsync(Cs, new CreateBundleRequest(company, "B", null, 1)));

        Fails(await BundleService.CreateAsync(Cs, new CreateBundleRequest(company, "B", null, 1)), ErrorCodes.Duplicate);
    }

    [Fact]
    public async Task Create_Sales_IsForbidden()
    {
        var company = await NewCompanyAsync();

        Fails(await BundleService.CreateAsync(Sales, new CreateBundleRequest(company, "B", null, 1)), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task GetStatus_SplitOfTwoCampaigns_SumsQuotasAndUsage()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 500);
        var a = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.6m);
        await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.4m);
        await EnrollVolunteersAsync(a.CampaignId, 3);

        // Act
        var status = Ok(await BundleService.GetStatusAsync(CompanyAdminOf(company), bundle.BundleId));

        // Assert
        Assert.Equal((500, 3, 100m, true), (status.TotalQuota, status.TotalConsumed, status.SharesTotalPercent, status.SplitValid));
        Assert.Equal(0.6m, status.UtilizationPercent);
        Assert.Equal(2, status.Campaigns.Count);
        Assert.Contains(status.Campaigns, c => c.CampaignId == a.CampaignId && c.Quota == 300 && c.Consumed == 3 && c.UtilizationPercent == 1m);
    }

    [Fact]
    public async Task GetStatus_SharesShortOfWhole_ReportsSplitError()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m);

        var status = Ok(await BundleService.GetStatusAsync(Admin, bundle.BundleId));

        Assert.False(status.SplitValid);
        Assert.Contains("50%", Assert.Single(status.SplitErrors));
    }

    [Fact]
    public async Task GetStatus_OtherCompanysAdmin_IsBundleNotFound()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);

        Fails(await BundleService.GetStatusAsync(CompanyAdminOf(other), bundle.BundleId), ErrorCodes.BundleNotFound);
    }

    [Fact]
    public async Task Change_Capacity_RecomputesLinkedQuotasAndRecordsReason()
    {
        // Arrange
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.5m);

        // Act
        var status = Ok(await BundleService.ChangeAsync(Cs, bundle.BundleId, new BundleChange(Capacity: 300, Reason: "Renewal")));

        // Assert
        Assert.Equal(300, status.Capacity);
        Assert.Equal(150, (await StatusAsync(campaign.CampaignId)).Bundle!.Quota);
        var entry = Assert.Single(Ok(await BundleService.GetTimelineAsync(Admin, bundle.BundleId)).Items, c => c.Field == "capacity");
        Assert.Equal(("100", "300", "Renewal"), (entry.OldValue, entry.NewValue, entry.Reason));
    }

    [Fact]
    public async Task Change_CapacityBelowUsage_IsAllowedAndBlocksNewEnrollments()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 1m);
        await EnrollVolunteersAsync(campaign.CampaignId, 5);

        Ok(await BundleService.ChangeAsync(Cs, bundle.BundleId, new BundleChange(Capacity: 4, Reason: "Downgrade")));

        Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "new"), ErrorCodes.CapacityExceeded);
        Assert.Equal(5, (await StatusAsync(campaign.CampaignId)).Bundle!.Used);
    }

    [Fact]
    public async Task Change_Status_BlocksNewLinks()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle);

        var status = Ok(await BundleService.ChangeAsync(Cs, bundle.BundleId, new BundleChange(Status: BundleSubscriptionStatus.PastDue, Reason: "Invoice unpaid")));

        Assert.Equal(BundleSubscriptionStatus.PastDue, status.Status);
        Fails(await CampaignService.LinkToBundleAsync(Cs, campaign.CampaignId, bundle.BundleId, 1m), ErrorCodes.BundleNotActive);
    }

    [Fact]
    public async Task Change_WithoutReason_IsValidationError()
    {
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);

        Fails(await BundleService.ChangeAsync(Cs, bundle.BundleId, new BundleChange(Capacity: 20)), ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Change_UnknownBundle_IsBundleNotFound()
    {
        Fails(await BundleService.ChangeAsync(Cs, Guid.NewGuid(), new BundleChange(Capacity: 20, Reason: "r")), ErrorCodes.BundleNotFound);
    }

    [Fact]
    public async Task EnrollVolunteer_BundleFullButCampaignHasOverageRoom_IsRefusedNamingBundle()
    {
        // Arrange: bundle 10, campaign share 1 (quota 10, hard 11): the bundle caps at 10.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 10);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 1m);
        await EnrollVolunteersAsync(campaign.CampaignId, 10);

        // Act
        var refused = Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "x"), ErrorCodes.CapacityExceeded);

        // Assert
        Assert.Contains("bundle", refused.Reason);
        Assert.Equal(2, refused.Pools.Count);
        Assert.Equal(PoolType.Bundle, refused.Pools[1].PoolType);
        Assert.Equal(10m, refused.Pools[1].Used);
    }

    [Fact]
    public async Task EnrollVolunteer_BundleCampaignAtQuotaHardLimit_IsRefusedNamingMaximum()
    {
        // Arrange: bundle 100, campaign 10 % share: quota 10, hard 11, while the bundle has room.
        var company = await NewCompanyAsync();
        var bundle = await NewBundleAsync(company, 100);
        var campaign = await NewCampaignAsync(company, PricingModel.Bundle, bundleId: bundle.BundleId, share: 0.1m);
        await EnrollVolunteersAsync(campaign.CampaignId, 11);

        var refused = Refused(await Enrollments.EnrollVolunteerAsync(Admin, campaign.CampaignId, "x"), ErrorCodes.CapacityExceeded);

        Assert.Contains("110%", refused.Reason);
        Assert.Equal(11m, Ok(await BundleService.GetStatusAsync(Admin, bundle.BundleId)).Pool.Used);
    }

    [Fact]
    public async Task List_CompanyAdmin_SeesOnlyOwnBundles()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var own = await NewBundleAsync(company, 10);
        await NewBundleAsync(other, 10);

        var list = await BundleService.ListAsync(CompanyAdminOf(company));

        Assert.Equal([own.BundleId], list.Select(b => b.BundleId));
    }
}
