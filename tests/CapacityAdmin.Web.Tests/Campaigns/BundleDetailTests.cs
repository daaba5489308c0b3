using Bunit;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Bundles;

namespace CapacityAdmin.Web.Tests.Campaigns;

public sealed class BundleDetailTests : CampaignComponentTestBase
{
    private async Task<(Guid Company, Guid Bundle)> CreateBundleWithCampaignsAsync()
    {
        var company = await CreateCompanyAsync("Acme");
        var bundle = await Service<BundleService>().CreateAsync(Seeder, new CreateBundleRequest(company, "Shared pool", "SKU-1", 100));
        Assert.True(bundle.IsSuccess, bundle.Error?.Detail);
        foreach (var (name, share) in new[] { ("Alpha", 0.5m), ("Beta", 0.3m) })
        {
            var created = await Service<CampaignService>().CreateAsync(Seeder, new CreateCampaignRequest(company, name, PricingModel.Bundle, 10, 10,
                BundleId: bundle.Value.BundleId, BundleShare: share));
            Assert.True(created.IsSuccess, created.Error?.Detail);
        }
        return (company, bundle.Value.BundleId);
    }

    [Fact]
    public async Task Detail_AsCustomerSuccess_ShowsSplitErrorsCampaignSharesAndCapacityForm()
    {
        var (_, bundle) = await CreateBundleWithCampaignsAsync();
        SignInAs(Roles.CustomerSuccess);

        var cut = Render<BundleDetail>(p => p.Add(x => x.Id, bundle));

        cut.WaitForAssertion(() => Assert.Equal("Shared pool", cut.Find("h1").TextContent.Trim()));
        Assert.Contains("The shares do not split the bundle", cut.Markup);
        var rows = cut.FindAll("[aria-label='Bundle campaigns'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Alpha", StringComparison.Ordinal) && r.Contains("50 %", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Beta", StringComparison.Ordinal) && r.Contains("30 %", StringComparison.Ordinal));
        Assert.NotNull(cut.Find("[aria-label='Change bundle capacity'] input[name=Capacity]"));
    }

    [Fact]
    public async Task Detail_AsCompanyAdmin_IsReadOnly_AndOtherCompanySeesNotFound()
    {
        var (company, bundle) = await CreateBundleWithCampaignsAsync();
        var other = await CreateCompanyAsync("Globex");

        SignInAs(Roles.CompanyAdmin, company);
        var own = Render<BundleDetail>(p => p.Add(x => x.Id, bundle));
        own.WaitForAssertion(() => Assert.Equal("Shared pool", own.Find("h1").TextContent.Trim()));
        Assert.Empty(own.FindAll("[aria-label='Change bundle capacity']"));

        SignInAs(Roles.CompanyAdmin, other);
        var foreign = Render<BundleDetail>(p => p.Add(x => x.Id, bundle));
        foreign.WaitForAssertion(() => Assert.Equal("Bundle not found", foreign.Find("h1").TextContent.Trim()));
        Assert.DoesNotContain("Shared pool", foreign.Markup);
    }
}
