using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

public sealed class CatalogTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Catalog_AsCompanyAdmin_ShowsOnlyOwnCompanysCampaigns() => InBrowserAsync(async page =>
    {
        var user = DemoData.UserWithRole("CompanyAdmin");
        var own = DemoData.Companies.Single(c => c.Name == user.Company);
        var others = DemoData.Companies.Where(c => c.Name != user.Company).ToList();
        Assert.NotEmpty(others);
        await SignInAsync(page, user);

        await page.GotoAsync(Url("catalog"));
        await WaitForInteractivityAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My campaigns");
        await Expect(page.GetByText($"{own.Campaigns.Count} of {own.Campaigns.Count} campaigns")).ToBeVisibleAsync();
        foreach (var campaign in own.Campaigns)
            await Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = campaign.Name, Exact = true })).ToBeVisibleAsync();
        foreach (var company in others)
        {
            await Expect(page.GetByText(company.Name)).ToHaveCountAsync(0);
            foreach (var campaign in company.Campaigns)
                await Expect(page.GetByText(campaign.Name)).ToHaveCountAsync(0);
        }
        // Staff see a companies grid; a company admin does not.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Companies", Exact = true })).ToHaveCountAsync(0);
    });
}
