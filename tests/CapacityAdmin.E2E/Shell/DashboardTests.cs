using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.E2E.Infrastructure;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E.Shell;

/// <summary>Each demo role lands on its dashboard with its own live figures, and the page passes axe.</summary>
public sealed class DashboardTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private async Task<IReadOnlyList<CapacityStatus>> StatusesOfAsync(string company)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<CapacityQueryService>()
            .ListCampaignStatusesAsync(Actor.System, new CampaignStatusQuery { PageSize = 500 });
        Assert.True(list.IsSuccess);
        var companyId = scope.ServiceProvider.GetRequiredService<CapacityAdmin.Domain.Companies.CompanyService>();
        var id = (await companyId.ListAsync(Actor.System)).Single(c => c.Name == company).Id;
        return list.Value.Items.Where(s => s.CompanyId == id && s.Status != CampaignStatus.Closed).ToList();
    }

    [Fact]
    public Task Dashboard_AsCompanyAdmin_ShowsEachCampaignWithItsPercentInAnAccessibleGauge() => InBrowserAsync(async page =>
    {
        var user = DemoData.UserWithRole("CompanyAdmin");
        await SignInAsync(page, user);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your capacity at a glance");
        var statuses = await StatusesOfAsync(user.Company!);
        Assert.Equal(DemoData.Companies.Single(c => c.Name == user.Company).Campaigns.Count, statuses.Count);
        foreach (var status in statuses)
        {
            // The label carries the same percentage as the domain's calculation for the list and detail pages.
            var label = GaugeMath.Label(CapacityDisplay.Governing(status, status.Name));
            Assert.StartsWith($"{status.Name} {CapacityDisplay.PercentOfRatio(status.OverallUtilization)} of ", label);
            await Expect(page.GetByRole(AriaRole.Meter, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        }
        foreach (var other in DemoData.Companies.Where(c => c.Name != user.Company).SelectMany(c => c.Campaigns))
            await Expect(page.GetByText(other.Name)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recent alerts" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your capacity requests" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task Dashboard_AsCustomerSuccess_ShowsTheAttentionQueue() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Customer Success workspace");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Attention counts" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns at 90 % or more" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open alerts to acknowledge", Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Capacity requests waiting", Exact = false })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task Dashboard_AsSales_ShowsThePipelineByStatus() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("Sales"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sales workspace");
        var pipeline = page.GetByRole(AriaRole.List, new() { Name = "Upsell pipeline" });
        foreach (var status in new[] { "New", "Contacted", "Won", "Lost", "Dismissed" })
            await Expect(pipeline.GetByRole(AriaRole.Link, new() { Name = status })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Top opportunities" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task Dashboard_AsAdministrator_ShowsJobsDeliveriesUsersAndKeys() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoData.UserWithRole("Administrator"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administration");
        await using var scope = App.Services.CreateAsyncScope();
        var jobs = (await scope.ServiceProvider.GetRequiredService<JobCatalog>().ListAsync(DomainSteps.Administrator)).Value!;
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Jobs" });
        foreach (var job in jobs)
            await Expect(table.GetByRole(AriaRole.Cell, new() { Name = job.Name, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{DemoData.Users.Count} users", Exact = false }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Failed or retrying alert deliveries" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    });
}
