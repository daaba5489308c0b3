using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>The alerts inbox (bulk acknowledge with confirmation), the phone views, and one percentage everywhere.</summary>
public sealed class AlertPagesTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task BulkAcknowledge_AsCustomerSuccess_CancelChangesNothing_ConfirmAcknowledgesAll() => InBrowserAsync(async page =>
    {
        var first = await SeatsCampaignWithUsageAsync("E2E Alert Campaign A", seats: 10, used: 10);
        var second = await SeatsCampaignWithUsageAsync("E2E Alert Campaign B", seats: 10, used: 9);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url("alerts?q=E2E%20Alert"));
        await WaitForInteractivityAsync(page);
        var grid = page.Locator("[aria-label='Alerts']");
        await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "E2E Alert Campaign" })).ToHaveCountAsync(2);
        await AssertAccessibleAsync(page);

        foreach (var box in await grid.Locator("tbody input[type=checkbox]").AllAsync()) await box.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected (2)" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.All(await AlertsOfAsync(first, second), a => Assert.Equal(AlertStatus.New, a.Status));

        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected (2)" }).ClickAsync();
        await dialog.GetByLabel("Reason (optional)").FillAsync("Both customers called");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Acknowledge 2 alerts" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "E2E Alert Campaign" })).ToHaveCountAsync(0);
        Assert.All(await AlertsOfAsync(first, second), a => Assert.Equal((AlertStatus.Acknowledged, "Both customers called"), (a.Status, a.AcknowledgeReason)));
    });

    [Fact]
    public Task Phone_AlertsAndUpsell_ShowRowsAndActions() => InBrowserAsync(async page =>
    {
        await SeatsCampaignWithUsageAsync("E2E Phone Campaign", seats: 10, used: 10);
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));

        await page.GotoAsync(Url("alerts?q=E2E%20Phone"));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Alerts");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge E2E Phone Campaign 100%" })).ToBeVisibleAsync();

        await page.GotoAsync(Url("upsell"));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Upsell");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" })).ToBeVisibleAsync();
    });

    /// <summary>
    /// One pool driven through enrollments: the CS dashboard, the campaign list, the detail page and the upsell row show the same
    /// live percentage, and the upsell row keeps the figure at alert time beside it, labelled as history.
    /// </summary>
    [Fact]
    public Task OnePool_DashboardListDetailAndUpsell_ShowTheSamePercentage() => InBrowserAsync(async page =>
    {
        // Literacy Tutors: IaaS, 120 learners committed. 96 learners raise the 80 % upsell alert; 12 more make 90 %, which
        // also puts the pool on the CS attention queue (90 % or more).
        var campaign = await App.CampaignAsync("Literacy Tutors");
        await EnrollLearnersAsync(campaign.CampaignId, from: 1, count: 96);
        await EnrollLearnersAsync(campaign.CampaignId, from: 97, count: 12);
        var live = await App.CampaignAsync(campaign.CampaignId);
        Assert.Equal(0.90m, live.OverallUtilization);
        const string Percent = "90 %";

        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        var dashboardRow = page.Locator("[aria-label='Campaigns at 90 % or more']").GetByRole(AriaRole.Row).Filter(new() { HasText = "Literacy Tutors" });
        await Expect(dashboardRow).ToContainTextAsync(Percent);

        await page.GotoAsync(Url("campaigns?q=Literacy"));
        await WaitForInteractivityAsync(page);
        var listRow = page.Locator("[aria-label='Campaigns']").GetByRole(AriaRole.Row).Filter(new() { HasText = "Literacy Tutors" });
        await Expect(listRow).ToContainTextAsync(Percent);

        await page.GotoAsync(Url($"campaigns/{campaign.CampaignId}"));
        await WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Governing limit" })).ToContainTextAsync(Percent);

        await page.GotoAsync(Url("upsell?q=Literacy"));
        await WaitForInteractivityAsync(page);
        var upsellRow = page.Locator("[aria-label='Upsell items']").GetByRole(AriaRole.Row).Filter(new() { HasText = "Literacy Tutors" });
        await Expect(upsellRow.Locator("[data-testid=live-utilization]")).ToHaveTextAsync(Percent);
        await Expect(upsellRow).ToContainTextAsync("80 %"); // at alert time, in its own labelled column
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "At alert (history)" })).ToBeVisibleAsync();
    });

    private Task<Guid> SeatsCampaignWithUsageAsync(string name, int seats, int used) => App.WithAsync(async services =>
    {
        var initech = await App.CampaignAsync("Literacy Tutors");
        var created = await services.GetRequiredService<CampaignService>().CreateAsync(DomainSteps.Integration,
            new CreateCampaignRequest(initech.CompanyId, name, PricingModel.Seats, seats, 10, CommittedSeats: seats));
        Assert.True(created.IsSuccess, created.Error?.Detail);
        var ids = Enumerable.Range(1, used).Select(i => (string?)$"{name}-{i}").ToList();
        var enrolled = await services.GetRequiredService<EnrollmentService>().BulkEnrollVolunteersAsync(DomainSteps.Integration, created.Value.CampaignId, ids);
        Assert.Equal(used, enrolled.Value!.Accepted);
        return created.Value.CampaignId;
    });

    private Task EnrollLearnersAsync(Guid campaignId, int from, int count) => App.WithAsync(async services =>
    {
        var enrollments = services.GetRequiredService<EnrollmentService>();
        for (var i = from; i < from + count; i++)
        {
            var result = await enrollments.EnrollLearnerAsync(DomainSteps.Integration, campaignId, $"e2e-learner-{i}");
            Assert.True(result.IsSuccess && result.Value.Allowed, result.Error?.Detail ?? result.Value?.Code);
        }
        return true;
    });

    private Task<List<AlertView>> AlertsOfAsync(params Guid[] campaigns) => App.WithAsync(async services =>
    {
        var alerts = new List<AlertView>();
        foreach (var id in campaigns)
            alerts.AddRange((await services.GetRequiredService<AlertService>().ListAsync(DomainSteps.Integration, new AlertQuery(PoolId: id), new PageRequest())).Value!.Items);
        Assert.NotEmpty(alerts);
        return alerts;
    });
}
