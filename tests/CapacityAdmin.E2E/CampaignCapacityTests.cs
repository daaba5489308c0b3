using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>The campaign detail page: capacity form (preview, strict numbers, confirmation below usage), status dialog, capacity requests.</summary>
public sealed class CampaignCapacityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    // A demo seats campaign of 100 committed seats. Only its usage and limit change here, never the list of campaigns.
    private const string CampaignName = "River Clean-up 2026";

    [Fact]
    public Task CapacityForm_AsCustomerSuccess_LetterReportedThenBelowUsageNeedsConfirmation() => InBrowserAsync(async page =>
    {
        var campaignId = await EnrollVolunteersAsync(CampaignName, count: 58);
        var user = DemoData.UserWithRole("CustomerSuccess");
        await SignInAsync(page, user);

        await page.GotoAsync(Url("campaigns"));
        await WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = CampaignName, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"campaigns/{campaignId}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CampaignName);
        await WaitForInteractivityAsync(page);
        var limit = page.GetByRole(AriaRole.Region, new() { Name = "Governing limit" });
        await Expect(limit).ToContainTextAsync("58 %");

        var form = page.GetByRole(AriaRole.Region, new() { Name = "Change capacity" });
        var seats = form.GetByLabel("Committed seats");
        // A typed letter is reported at the field and kept, never erased.
        await seats.FillAsync("5O");
        await Expect(form).ToContainTextAsync("Enter a whole number (digits only)");
        await Expect(seats).ToHaveValueAsync("5O");

        await seats.FillAsync("50");
        await Expect(form.GetByRole(AriaRole.Status, new() { Name = "Impact preview" }))
            .ToContainTextAsync("58 used of a new limit of 50: 116 %, above the hard limit; new enrollments will be refused");
        await Expect(limit).ToContainTextAsync("58 %"); // the preview writes nothing

        await form.GetByLabel("Reason").FillAsync("Contract reduced to 50 seats");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Usage stays above the new limit");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        Assert.Equal(100, (await App.CampaignAsync(campaignId)).Seats!.Committed);

        await form.GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Over capacity" }))
            .ToContainTextAsync("Over capacity — above the hard limit; new enrollments will be refused");
        await Expect(limit).ToContainTextAsync("116 %");
        Assert.Equal(50, (await App.CampaignAsync(campaignId)).Seats!.Committed);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        var change = page.Locator("[aria-label='Change timeline']").GetByRole(AriaRole.Row).Filter(new() { HasText = "Committed seats" });
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("100 → 50");
        await Expect(change).ToContainTextAsync("Contract reduced to 50 seats");
        await Expect(change).ToContainTextAsync(user.Email);
    });

    [Fact]
    public Task StatusChange_CancelLeavesTheCampaign_ConfirmWithReasonApplies() => InBrowserAsync(async page =>
    {
        // A planned demo campaign that no other browser test changes.
        var campaign = await App.CampaignAsync("Community Garden");
        Assert.Equal(CampaignStatus.Planned, campaign.Status);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url($"campaigns/{campaign.CampaignId}"));
        await WaitForInteractivityAsync(page);

        var transitions = page.GetByRole(AriaRole.Group, new() { Name = "Status transitions" });
        await transitions.GetByRole(AriaRole.Button, new() { Name = "Move to recruiting" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("goes from planned to recruiting");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(CampaignStatus.Planned, (await App.CampaignAsync(campaign.CampaignId)).Status);

        await transitions.GetByRole(AriaRole.Button, new() { Name = "Move to recruiting" }).ClickAsync();
        await dialog.GetByLabel("Reason").FillAsync("Volunteer drive starts");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move to recruiting" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(page.Locator("[data-testid=campaign-status]")).ToContainTextAsync("Recruiting");
        Assert.Equal(CampaignStatus.Recruiting, (await App.CampaignAsync(campaign.CampaignId)).Status);
    });

    [Fact]
    public Task CapacityRequest_AsCompanyAdmin_SecondShowsRequestPending() => InBrowserAsync(async page =>
    {
        var campaign = await App.CampaignAsync("Tree Planting Credits");
        await SignInAsync(page, DemoData.UserWithRole("CompanyAdmin"));
        await page.GotoAsync(Url($"campaigns/{campaign.CampaignId}"));
        await WaitForInteractivityAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Request more capacity" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Note (optional)").FillAsync("500 more credits for the spring planting");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=request-pending]")).ToContainTextAsync("Request pending");

        // Coming back: still pending, no second request button.
        await page.ReloadAsync();
        await WaitForInteractivityAsync(page);
        await Expect(page.Locator("[data-testid=request-pending]")).ToContainTextAsync("Request pending");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Request more capacity" })).ToHaveCountAsync(0);
        var requests = await App.WithAsync(async s => (await s.GetRequiredService<AlertService>()
            .ListUpsellAsync(DomainSteps.Integration, new UpsellQuery(Kind: AlertKind.CapacityRequest), new PageRequest())).Value!.Items);
        Assert.Single(requests, r => r.PoolId == campaign.CampaignId);
    });

    [Fact]
    public Task CampaignPages_AreAccessible() => InBrowserAsync(async page =>
    {
        var campaign = await App.CampaignAsync(CampaignName);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url("campaigns"));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = CampaignName, Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync(Url($"campaigns/{campaign.CampaignId}"));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CampaignName);
        await AssertAccessibleAsync(page);
    });

    private async Task<Guid> EnrollVolunteersAsync(string campaignName, int count)
    {
        var campaign = await App.CampaignAsync(campaignName);
        var ids = Enumerable.Range(1, count).Select(i => (string?)$"e2e-volunteer-{i}").ToList();
        var enrolled = await App.WithAsync(s => s.GetRequiredService<EnrollmentService>().BulkEnrollVolunteersAsync(DomainSteps.Integration, campaign.CampaignId, ids));
        Assert.True(enrolled.IsSuccess, enrolled.Error?.Detail);
        Assert.Equal(count, enrolled.Value.Accepted);
        return campaign.CampaignId;
    }
}
