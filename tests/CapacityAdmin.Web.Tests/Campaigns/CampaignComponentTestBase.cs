using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Campaigns;

/// <summary>bUnit for the campaign, bundle and alert pages: <see cref="DomainComponentTestBase"/> plus company and campaign arrangements.</summary>
public abstract class CampaignComponentTestBase : DomainComponentTestBase
{
    protected async Task<Guid> CreateCompanyAsync(string name) => Ok(await Service<CompanyService>().CreateAsync(Actor.System, name)).Id;

    /// <summary>A seats campaign with <paramref name="enrolled"/> active volunteers, enrolled through the domain.</summary>
    protected async Task<CapacityStatus> CreateSeatsCampaignAsync(Guid companyId, string name, int seats, int enrolled)
    {
        var created = Ok(await Service<CampaignService>().CreateAsync(Seeder,
            new CreateCampaignRequest(companyId, name, PricingModel.Seats, TargetVolunteers: seats, TargetBeneficiaries: 100, CommittedSeats: seats)));
        if (enrolled > 0)
        {
            var ids = Enumerable.Range(1, enrolled).Select(i => (string?)$"volunteer-{i}").ToList();
            var bulk = Ok(await Service<EnrollmentService>().BulkEnrollVolunteersAsync(Seeder, created.CampaignId, ids));
            Assert.Equal(enrolled, bulk.Accepted);
        }
        return Ok(await Service<CapacityQueryService>().GetCampaignStatusAsync(Seeder, created.CampaignId));
    }
}
