using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.E2E.Infrastructure;
using CapacityAdmin.Web.Components.Forecasts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>Forecasts on screen (issue #10): days to full on the dashboard, the usage chart and its sentence on the campaign page.</summary>
public sealed class ForecastTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Dashboard_AsCompanyAdmin_ShowsDaysToFullOfEachCampaign() => InBrowserAsync(async page =>
    {
        var user = DemoData.UserWithRole("CompanyAdmin");
        await SignInAsync(page, user);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your capacity at a glance");

        var forecasts = await App.WithAsync(async services =>
        {
            var companyId = (await App.CampaignAsync(DemoData.Companies.Single(c => c.Name == user.Company).Campaigns[0].Name)).CompanyId;
            var actor = new Actor(user.Email, Roles.CompanyAdmin, companyId);
            return (await services.GetRequiredService<ForecastService>().ListForecastsAsync(actor)).Where(f => f.PoolType == PoolType.Campaign).ToList();
        });
        Assert.NotEmpty(forecasts);
        foreach (var f in forecasts)
        {
            // The badge under each gauge says what the domain's forecast says.
            var card = page.Locator(".ca-gauges li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = f.PoolName, Exact = true }) });
            await Expect(card.Locator(".ca-forecast-days")).ToHaveTextAsync(ForecastWords.DaysToFull(f));
        }
    });

    [Fact]
    public Task CampaignPage_WithABurn_ShowsTheChartTheRunOutSentenceAndPassesAxe() => InBrowserAsync(async page =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaignId = await App.WithAsync(async services =>
        {
            var initech = await App.CampaignAsync("Literacy Tutors");
            var created = await services.GetRequiredService<CampaignService>().CreateAsync(DomainSteps.Integration,
                new CreateCampaignRequest(initech.CompanyId, "E2E Forecast Campaign", PricingModel.Seats, 20, 10, CommittedSeats: 20,
                    StartDate: today, EndDate: today.AddDays(60)));
            Assert.True(created.IsSuccess, created.Error?.Detail);
            var ids = Enumerable.Range(1, 4).Select(i => (string?)$"e2e-forecast-{i}").ToList();
            var enrolled = await services.GetRequiredService<EnrollmentService>().BulkEnrollVolunteersAsync(DomainSteps.Integration, created.Value.CampaignId, ids);
            Assert.Equal(4, enrolled.Value!.Accepted);
            return created.Value.CampaignId;
        });
        var forecast = await App.WithAsync(async services =>
            (await services.GetRequiredService<ForecastService>().GetCampaignForecastAsync(DomainSteps.Integration, campaignId)).Value!);
        Assert.True(forecast.RunsOutBeforeEnd);

        await SignInAsync(page, DemoData.UserWithRole("CustomerSuccess"));
        await page.GotoAsync(Url($"campaigns/{campaignId}"));
        await WaitForInteractivityAsync(page);

        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Usage" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Usage and forecast" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Usage of E2E Forecast Campaign per day" })).ToBeVisibleAsync();
        await Expect(page.Locator(".ca-forecast-headline"))
            .ToContainTextAsync($"At this pace you run out {ForecastWords.Days(forecast.DaysBeforeEnd!.Value)} before your campaign ends.");

        // The same figures as a table, for screen readers and on request.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the figures as a table" }).ClickAsync();
        var todayRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = ForecastWords.Date(today), Exact = true }) });
        await Expect(todayRow.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("4");
        await AssertAccessibleAsync(page);
    });
}
