using Bunit;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Components.Pages.Bundles;

namespace CapacityAdmin.Web.Tests.Campaigns;

public sealed class BundleDetailTests : CampaignComponentTestBase
{
    private async Task<(Guid Company, Guid Bundle)> CreateBundleWithCampaignsAsync(int enrolledInAlpha = 0)
    {
        var company = await CreateCompanyAsync("Acme");
        var bundle = await Service<BundleService>().CreateAsync(Seeder, new CreateBundleRequest(company, "Shared pool", "SKU-1", 100));
        Assert.True(bundle.IsSuccess, bundle.Error?.Detail);
        foreach (var (name, share) in new[] { ("Alpha", 0.5m), ("Beta", 0.3m) })
        {
            var created = await Service<CampaignService>().CreateAsync(Seeder, new CreateCampaignRequest(company, name, PricingModel.Bundle, 10, 10,
                BundleId: bundle.Value.BundleId, BundleShare: share));
            Assert.True(created.IsSuccess, created.Error?.Detail);
            if (name == "Alpha" && enrolledInAlpha > 0)
            {
                var ids = Enumerable.Range(1, enrolledInAlpha).Select(i => (string?)$"v-{i}").ToList();
                var enrolled = await Service<EnrollmentService>().BulkEnrollVolunteersAsync(Seeder, created.Value.CampaignId, ids);
                Assert.Equal(enrolledInAlpha, enrolled.Value!.Accepted);
            }
        }
        return (company, bundle.Value.BundleId);
    }

    [Fact]
    public async Task Detail_AsCustomerSuccess_ShowsSplitErrorsCampaignSharesAndCapacityForm()
    {
        var (_, bundle) = await CreateBundleWithCampaignsAsync();
        SignInAs(Roles.CustomerSuccess);

        var cut = RenderPage<BundleDetail>(p => p.Add(x => x.Id, bundle));

        cut.WaitForAssertion(() => Assert.Equal("Shared pool", cut.Find("h1").TextContent.Trim()));
        Assert.Contains("The shares do not split the bundle", cut.Markup);
        var rows = cut.FindAll(".mud-data-grid tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Alpha", StringComparison.Ordinal) && r.Contains("50 %", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Beta", StringComparison.Ordinal) && r.Contains("30 %", StringComparison.Ordinal));
        Assert.NotNull(Field(cut, "capacity"));
    }

    [Fact]
    public async Task Detail_AsCompanyAdmin_IsReadOnly_AndOtherCompanySeesNotFound()
    {
        var (company, bundle) = await CreateBundleWithCampaignsAsync();
        var other = await CreateCompanyAsync("Globex");

        SignInAs(Roles.CompanyAdmin, company);
        var own = RenderPage<BundleDetail>(p => p.Add(x => x.Id, bundle));
        own.WaitForAssertion(() => Assert.Equal("Shared pool", own.Find("h1").TextContent.Trim()));
        Assert.Empty(own.FindAll("[aria-label='Change bundle capacity']"));

        SignInAs(Roles.CompanyAdmin, other);
        var foreign = Render<BundleDetail>(p => p.Add(x => x.Id, bundle));
        foreign.WaitForAssertion(() => Assert.Equal("Bundle not found", foreign.Find("h1").TextContent.Trim()));
        Assert.DoesNotContain("Shared pool", foreign.Markup);
    }

    [Fact]
    public async Task Detail_GaugeAndCard_ShowTheSameUtilizationAndLabelTheQuotaFigure()
    {
        var (_, bundle) = await CreateBundleWithCampaignsAsync(enrolledInAlpha: 45);
        SignInAs(Roles.Sales);

        var cut = RenderPage<BundleDetail>(p => p.Add(x => x.Id, bundle));

        cut.WaitForAssertion(() => Assert.Equal("45 %", cut.Find("[data-testid=bundle-utilization]").TextContent.Trim()));
        var status = (await Service<BundleService>().GetStatusAsync(Seeder, bundle)).Value!;
        Assert.Equal(45m, status.CapacityUtilizationPercent);
        Assert.Contains("45 %", cut.Find(".ca-gauge").TextContent); // the gauge: same figure
        Assert.Contains("Used of the allotted quotas", cut.Markup); // 45 of 80 allotted: a different figure, named as such
        Assert.Contains("56 %", cut.Find("[aria-label='Bundle totals']").TextContent);
    }

    [Fact]
    public async Task Shrink_BelowUsageThenCancel_ChangesNothing()
    {
        var (_, bundle) = await CreateBundleWithCampaignsAsync(enrolledInAlpha: 45);
        SignInAs(Roles.CustomerSuccess);
        var cut = RenderPage<BundleDetail>(p => p.Add(x => x.Id, bundle));
        cut.WaitForAssertion(() => Field(cut, "capacity"));

        Enter(Field(cut, "capacity"), "40");
        cut.WaitForAssertion(() => Assert.Contains("45 used of a new limit of 40", cut.Find("[aria-label='Impact preview']").TextContent));
        Enter(Field(cut, "reason"), "Contract reduced");
        await cut.InvokeAsync(() => Button(cut, "Save capacity").Click());
        Dialogs.WaitForAssertion(() => Assert.Contains("Usage stays above the new capacity", Dialogs.Markup));
        await Dialogs.InvokeAsync(() => Button(Dialogs, "Cancel").Click());

        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("Usage stays above the new capacity", Dialogs.Markup));
        Assert.Equal(100, (await Service<BundleService>().GetStatusAsync(Seeder, bundle)).Value!.Capacity);
    }

    [Fact]
    public async Task Shrink_BelowUsageConfirmed_SavesAndRecordsTheReason()
    {
        var (_, bundle) = await CreateBundleWithCampaignsAsync(enrolledInAlpha: 45);
        SignInAs(Roles.CustomerSuccess, name: "casey@test.local");
        var cut = RenderPage<BundleDetail>(p => p.Add(x => x.Id, bundle));
        cut.WaitForAssertion(() => Field(cut, "capacity"));

        Enter(Field(cut, "capacity"), "40");
        Enter(Field(cut, "reason"), "Contract reduced");
        cut.WaitForAssertion(() => Assert.Contains("45 used of a new limit of 40", cut.Find("[aria-label='Impact preview']").TextContent));
        await cut.InvokeAsync(() => Button(cut, "Save capacity").Click());
        Dialogs.WaitForAssertion(() => Button(Dialogs, "Shrink anyway"));
        await Dialogs.InvokeAsync(() => Button(Dialogs, "Shrink anyway").Click());

        cut.WaitForAssertion(() => Assert.Equal("113 %", cut.Find("[data-testid=bundle-utilization]").TextContent.Trim()));
        Assert.Equal(40, (await Service<BundleService>().GetStatusAsync(Seeder, bundle)).Value!.Capacity);
        var timeline = await Service<BundleService>().GetTimelineAsync(Seeder, bundle);
        var change = Assert.Single(timeline.Value!.Items, c => c.Field == "capacity");
        Assert.Equal(("100", "40", "Contract reduced", "casey@test.local"), (change.OldValue, change.NewValue, change.Reason, change.ChangedBy));
    }

    [Fact]
    public async Task CapacityField_TypedLetter_IsReportedAndKept()
    {
        var (_, bundle) = await CreateBundleWithCampaignsAsync();
        SignInAs(Roles.CustomerSuccess);
        var cut = RenderPage<BundleDetail>(p => p.Add(x => x.Id, bundle));
        cut.WaitForAssertion(() => Field(cut, "capacity"));

        Enter(Field(cut, "capacity"), "1OO");

        cut.WaitForAssertion(() => Assert.Contains("Enter a whole number (digits only)", cut.Markup));
        Assert.Equal("1OO", Field(cut, "capacity").GetAttribute("value"));
    }
}
