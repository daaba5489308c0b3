using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>The campaign and bundle lists: tenancy, search as you type into the URL, the old /catalog address, phones, bundle shrinking.</summary>
public sealed class CampaignListTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task List_AsCompanyAdmin_ShowsOnlyOwnCompanysCampaigns_AndCatalogRedirects() => InBrowserAsync(async page =>
    {
        var user = DemoData.UserWithRole("CompanyAdmin");
        var own = DemoData.Companies.Single(c => c.Name == user.Company);
        var others = DemoData.Companies.Where(c => c.Name != user.Company).ToList();
        await SignInAsync(page, user);

        await page.GotoAsync(Url("catalog"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/campaigns"));
        await WaitForInteractivityAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My campaigns");
        await Expect(page.GetByText($"{own.Campaigns.Count} of {own.Campaigns.Count} campaigns")).ToBeVisibleAsync();
        foreach (var campaign in own.Campaigns)
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = campaign.Name, Exact = true })).ToBeVisibleAsync();
        foreach (var company in others)
        {
            await Expect(page.GetByText(company.Name)).ToHaveCountAsync(0);
            foreach (var campaign in company.Campaigns) await Expect(page.GetByText(campaign.Name)).ToHaveCountAsync(0);
        }
        await Expect(page.GetByText("Companies (", new() { Exact = false })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Search_AsYouType_MatchesCompanyNamesAndLandsInTheUrl() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("Sales"));
        await page.GotoAsync(Url("campaigns"));
        await WaitForInteractivityAsync(page);

        await page.GetByLabel("Search").PressSequentiallyAsync("globex");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=globex"));
        var globex = DemoData.Companies.Single(c => c.Name.StartsWith("Globex", StringComparison.Ordinal));
        await Expect(page.GetByTestId("campaign-count")).ToContainTextAsync($"{globex.Campaigns.Count} of ");
        foreach (var campaign in globex.Campaigns)
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = campaign.Name, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "River Clean-up 2026", Exact = true })).ToHaveCountAsync(0);

        // The shared link opens the same view.
        await page.ReloadAsync();
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByTestId("campaign-count")).ToContainTextAsync($"{globex.Campaigns.Count} of ");
    });

    [Fact]
    public Task Phone_CampaignListAndDetail_ShowNamesAndActions() => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url("campaigns"));
        await WaitForInteractivityAsync(page);
        var open = page.GetByRole(AriaRole.Link, new() { Name = "Open Literacy Tutors" });
        await Expect(open).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Literacy Tutors", Exact = true })).ToBeVisibleAsync();

        // Straight to its address: the phone drawer belongs to the layout, not to this page.
        await page.GotoAsync(Url((await open.GetAttributeAsync("href"))!));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Literacy Tutors");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Governing limit" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save capacity" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task BundleShrink_BelowUsage_CancelKeepsCapacity_ConfirmApplies() => InBrowserAsync(async page =>
    {
        var bundleId = await BundleWithUsageAsync(capacity: 10, used: 8);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url($"bundles/{bundleId}"));
        await WaitForInteractivityAsync(page);
        await Expect(page.Locator("[data-testid=bundle-utilization]")).ToHaveTextAsync("80 %");

        var form = page.GetByRole(AriaRole.Region, new() { Name = "Change bundle capacity" });
        await form.GetByLabel("Capacity (places)").FillAsync("5");
        await Expect(form.GetByRole(AriaRole.Status, new() { Name = "Impact preview" })).ToContainTextAsync("8 used of a new limit of 5");
        await form.GetByLabel("Reason").FillAsync("Seats returned");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Usage stays above the new capacity");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(10, await BundleCapacityAsync(bundleId));

        await form.GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Shrink anyway" }).ClickAsync();
        await Expect(page.Locator("[data-testid=bundle-utilization]")).ToHaveTextAsync("160 %");
        Assert.Equal(5, await BundleCapacityAsync(bundleId));
    });

    /// <summary>A bundle of Initech Cares (whose campaigns no other test counts) with one campaign holding the whole bundle.</summary>
    private async Task<Guid> BundleWithUsageAsync(int capacity, int used)
    {
        var initech = await App.CampaignAsync("Literacy Tutors");
        return await App.WithAsync(async services =>
        {
            var bundle = await services.GetRequiredService<BundleService>().CreateAsync(DomainSteps.Integration,
                new CreateBundleRequest(initech.CompanyId, "E2E shared pool", "E2E-1", capacity));
            Assert.True(bundle.IsSuccess, bundle.Error?.Detail);
            var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(DomainSteps.Integration,
                new CreateCampaignRequest(initech.CompanyId, "E2E bundle campaign", PricingModel.Bundle, 10, 10, BundleId: bundle.Value.BundleId, BundleShare: 1m));
            Assert.True(campaign.IsSuccess, campaign.Error?.Detail);
            var ids = Enumerable.Range(1, used).Select(i => (string?)$"e2e-bundle-{i}").ToList();
            var enrolled = await services.GetRequiredService<EnrollmentService>().BulkEnrollVolunteersAsync(DomainSteps.Integration, campaign.Value.CampaignId, ids);
            Assert.Equal(used, enrolled.Value!.Accepted);
            return bundle.Value.BundleId;
        });
    }

    private Task<int> BundleCapacityAsync(Guid bundleId) => App.WithAsync(async services =>
        (await services.GetRequiredService<BundleService>().GetStatusAsync(DomainSteps.Integration, bundleId)).Value!.Capacity);
}
