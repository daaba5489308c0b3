using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

public sealed class CampaignCapacityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    // A demo seats campaign of 100 committed seats. Only its usage and limit change here, never the list of campaigns
    // that the catalogue tests count.
    private const string CampaignName = "River Clean-up 2026";

    [Fact]
    public Task CapacityForm_AsCustomerSuccess_LoweringBelowUsagePreviewsSavesAndShowsOverCapacity() => InBrowserAsync(async page =>
    {
        var campaignId = await EnrollVolunteersAsync(CampaignName, count: 58);
        var user = DemoData.UserWithRole("CustomerSuccess");
        await SignInAsync(page, user);

        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("campaigns"));
        await page.GetByRole(AriaRole.Link, new() { Name = CampaignName, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"campaigns/{campaignId}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CampaignName);
        await WaitForInteractivityAsync(page);
        var seats = page.GetByRole(AriaRole.Group, new() { Name = "Seats", Exact = true });
        await Expect(seats).ToContainTextAsync("58 %");

        var form = page.GetByRole(AriaRole.Region, new() { Name = "Change capacity" });
        await form.GetByLabel("Committed seats").FillAsync("50");
        await form.GetByLabel("Committed seats").PressAsync("Tab");
        await Expect(form.GetByRole(AriaRole.Status, new() { Name = "Impact preview" }))
            .ToContainTextAsync("58 used of a new limit of 50: 116 %, above the hard limit; new enrollments will be refused");
        // The preview writes nothing: the gauge still shows the old limit.
        await Expect(seats).ToContainTextAsync("58 %");

        await form.GetByLabel("Reason").FillAsync("Contract reduced to 50 seats");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert, new() { Name = "Capacity flags" }))
            .ToContainTextAsync("Over capacity — above the hard limit; new enrollments will be refused");
        await Expect(seats).ToContainTextAsync("116 %");
        await Expect(seats).ToContainTextAsync("overage", new() { IgnoreCase = true });
        var change = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Change timeline" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "committedSeats" });
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("100 → 50");
        await Expect(change).ToContainTextAsync("Contract reduced to 50 seats");
        await Expect(change).ToContainTextAsync(user.Email);
    });

    /// <summary>Enrolls volunteers through the app's own domain services, as an integration would.</summary>
    private async Task<Guid> EnrollVolunteersAsync(string campaignName, int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var actor = new Actor("e2e-integration", Roles.CustomerSuccess, null);
        var list = await scope.ServiceProvider.GetRequiredService<CapacityQueryService>()
            .ListCampaignStatusesAsync(actor, new CampaignStatusQuery(Search: campaignName));
        var campaign = Assert.Single(list.Value!.Items, c => c.Name == campaignName);
        var ids = Enumerable.Range(1, count).Select(i => (string?)$"e2e-volunteer-{i}").ToList();
        var enrolled = await scope.ServiceProvider.GetRequiredService<EnrollmentService>().BulkEnrollVolunteersAsync(actor, campaign.CampaignId, ids);
        Assert.True(enrolled.IsSuccess, enrolled.Error?.Detail);
        Assert.Equal(count, enrolled.Value.Accepted);
        return campaign.CampaignId;
    }
}
