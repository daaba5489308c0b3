using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Campaigns;

/// <summary>Reads, run on SQLite and PostgreSQL because filtering, sorting and paging are SQL.</summary>
public abstract class CapacityQueryServiceTests(TestDatabase database) : DatabaseTest(database)
{
    /// <summary>Four seats campaigns of 10 seats at 5, 8, 10 and 11 used (normal, near, at, overage).</summary>
    private async Task<(Guid Company, Guid[] Campaigns)> FourBandsAsync()
    {
        var company = await NewCompanyAsync();
        var ids = new List<Guid>();
        foreach (var used in new[] { 5, 8, 10, 11 })
        {
            var campaign = await NewCampaignAsync(company, seats: 10);
            Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, Enumerable.Range(0, used).Select(i => (string?)$"v{i}").ToList()));
            ids.Add(campaign.CampaignId);
        }
        return (company, ids.ToArray());
    }

    [Theory]
    [InlineData(CapacityBand.Normal, 0)]
    [InlineData(CapacityBand.Near, 1)]
    [InlineData(CapacityBand.At, 2)]
    [InlineData(CapacityBand.Overage, 3)]
    public async Task ListCampaignStatuses_BandFilter_ReturnsOnlyThatBand(CapacityBand band, int expectedIndex)
    {
        // Arrange
        var (company, campaigns) = await FourBandsAsync();

        // Act
        var page = Ok(await Queries.ListCampaignStatusesAsync(Admin, new CampaignStatusQuery(CompanyId: company, Band: band)));

        // Assert
        Assert.Equal(1, page.Total);
        Assert.Equal(campaigns[expectedIndex], Assert.Single(page.Items).CampaignId);
        Assert.Equal(band, page.Items[0].Band);
    }

    [Fact]
    public async Task ListCampaignStatuses_BandFilterAcrossModels_UsesEachModelsGoverningLimit()
    {
        // Arrange: a credits campaign at 85 % and an iaas campaign at 50 %.
        var company = await NewCompanyAsync();
        var credits = await NewCampaignAsync(company, PricingModel.Credits, credits: 100m);
        Ok(await CreditService.ConsumeAsync(Admin, credits.CampaignId, new CreditConsumption(85m)));
        var iaas = await NewCampaignAsync(company, PricingModel.Iaas, learners: 2);
        await EnrollLearnersAsync(iaas.CampaignId, 1);

        // Act
        var near = Ok(await Queries.ListCampaignStatusesAsync(Admin, new CampaignStatusQuery(CompanyId: company, Band: CapacityBand.Near)));
        var normal = Ok(await Queries.ListCampaignStatusesAsync(Admin, new CampaignStatusQuery(CompanyId: company, Band: CapacityBand.Normal)));

        // Assert
        Assert.Equal(credits.CampaignId, Assert.Single(near.Items).CampaignId);
        Assert.True(near.Items[0].IsNearCapacity);
        Assert.Equal(iaas.CampaignId, Assert.Single(normal.Items).CampaignId);
    }

    [Fact]
    public async Task ListCampaignStatuses_SortByUtilizationDescendingWithPaging_ReturnsPageAndTotal()
    {
        // Arrange
        var (company, campaigns) = await FourBandsAsync();

        // Act
        var page = Ok(await Queries.ListCampaignStatusesAsync(Admin,
            new CampaignStatusQuery(CompanyId: company, Sort: CampaignSort.Utilization, Descending: true, Page: 2, PageSize: 2)));

        // Assert
        Assert.Equal(4, page.Total);
        Assert.Equal([campaigns[1], campaigns[0]], page.Items.Select(i => i.CampaignId));
    }

    [Fact]
    public async Task ListCampaignStatuses_ModelAndStatusFilters_Combine()
    {
        var company = await NewCompanyAsync();
        var wanted = await NewCampaignAsync(company, PricingModel.Credits, status: CampaignStatus.Paused);
        await NewCampaignAsync(company, PricingModel.Credits);
        await NewCampaignAsync(company, PricingModel.Seats, status: CampaignStatus.Paused);

        var page = Ok(await Queries.ListCampaignStatusesAsync(Admin,
            new CampaignStatusQuery(CompanyId: company, Model: PricingModel.Credits, Status: CampaignStatus.Paused)));

        Assert.Equal(wanted.CampaignId, Assert.Single(page.Items).CampaignId);
    }

    [Fact]
    public async Task ListCampaignStatuses_CompanyAdmin_SeesOnlyOwnCompany()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var own = await NewCampaignAsync(company);
        await NewCampaignAsync(other);

        var mine = Ok(await Queries.ListCampaignStatusesAsync(CompanyAdminOf(company), new CampaignStatusQuery()));
        var asking = Ok(await Queries.ListCampaignStatusesAsync(CompanyAdminOf(company), new CampaignStatusQuery(CompanyId: other)));

        Assert.Equal(own.CampaignId, Assert.Single(mine.Items).CampaignId);
        Assert.Equal(0, asking.Total);
    }

    [Fact]
    public async Task ListCampaignStatuses_PageSizeTooLarge_IsValidationError()
    {
        Fails(await Queries.ListCampaignStatusesAsync(Admin, new CampaignStatusQuery(PageSize: 501)), ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task GetCampaignStatus_OtherCompanysAdmin_IsCampaignNotFound()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await Queries.GetCampaignStatusAsync(CompanyAdminOf(other), campaign.CampaignId), ErrorCodes.CampaignNotFound);
        Assert.Equal(campaign.CampaignId, Ok(await Queries.GetCampaignStatusAsync(CompanyAdminOf(company), campaign.CampaignId)).CampaignId);
        Assert.Equal(campaign.CampaignId, Ok(await Queries.GetCampaignStatusAsync(Sales, campaign.CampaignId)).CampaignId);
    }

    [Fact]
    public async Task GetVolunteerEnrollment_ReleasedVolunteer_ShowsReleasedAt()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);
        await EnrollVolunteersAsync(campaign.CampaignId, 1);
        Clock.Advance(TimeSpan.FromDays(1));
        Ok(await Enrollments.ReleaseVolunteerAsync(Admin, campaign.CampaignId, "v-0"));

        var enrollment = Ok(await Queries.GetVolunteerEnrollmentAsync(Integration, campaign.CampaignId, "v-0"));

        Assert.Equal(EnrollmentStatus.Released, enrollment.Status);
        Assert.Equal(Clock.GetUtcNow(), enrollment.ReleasedAt);
        Fails(await Queries.GetVolunteerEnrollmentAsync(Integration, campaign.CampaignId, "never"), ErrorCodes.EnrollmentNotFound);
    }

    [Fact]
    public async Task ListLearnerEnrollments_StatusFilter_ReturnsActiveOnly()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 10);
        await EnrollLearnersAsync(campaign.CampaignId, 3);
        Ok(await Enrollments.ReleaseLearnerAsync(Admin, campaign.CampaignId, "l-1"));

        var active = Ok(await Queries.ListLearnerEnrollmentsAsync(Admin, campaign.CampaignId, EnrollmentStatus.Enrolled));

        Assert.Equal(2, active.Total);
        Assert.DoesNotContain(active.Items, e => e.ExternalId == "l-1");
        Assert.NotNull(Ok(await Queries.GetLearnerEnrollmentAsync(Admin, campaign.CampaignId, "l-0")));
    }

    [Fact]
    public async Task ListLedger_NewestFirst()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Credits);
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(1m, "first")));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await CreditService.ConsumeAsync(Admin, campaign.CampaignId, new CreditConsumption(2m, "second")));

        var ledger = Ok(await Queries.ListLedgerAsync(CompanyAdminOf(company), campaign.CampaignId));

        Assert.Equal(["second", "first"], ledger.Items.Select(e => e.Activity));
        Assert.Equal([3m, 1m], ledger.Items.Select(e => e.ConsumedAfter));
    }

    [Fact]
    public async Task GetTimeline_OtherCompanysAdmin_IsCampaignNotFound()
    {
        var company = await NewCompanyAsync();
        var other = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company);

        Fails(await Queries.GetTimelineAsync(CompanyAdminOf(other), campaign.CampaignId), ErrorCodes.CampaignNotFound);
        Fails(await Queries.ListLedgerAsync(CompanyAdminOf(other), campaign.CampaignId), ErrorCodes.CampaignNotFound);
        Fails(await Queries.ListVolunteerEnrollmentsAsync(CompanyAdminOf(other), campaign.CampaignId), ErrorCodes.CampaignNotFound);
    }

    [Fact]
    public async Task GetCampaignStatus_LimitZeroNothingUsed_ReportsZeroUtilization()
    {
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, PricingModel.Iaas, learners: 0);

        var status = await StatusAsync(campaign.CampaignId);

        Assert.Equal(0m, status.OverallUtilization);
        Assert.Equal(CapacityBand.Normal, status.Band);
        Assert.False(status.IsNearCapacity || status.IsAtCapacity || status.IsOverCapacity || status.AllowsOverage);
    }
}

public sealed class SqliteCapacityQueryServiceTests() : CapacityQueryServiceTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresCapacityQueryServiceTests(PostgresDatabaseFixture fixture)
    : CapacityQueryServiceTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
