using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.E2E.Infrastructure;
using CapacityAdmin.Web.Components.Forecasts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Microsoft.VisualBasic.FileIO;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>
/// Sales' upsell list in its default forecast order (issue #10): runs out before its end first, then the earliest projected
/// hard-limit date, then the highest live utilization; the CSV export carries the same items in the same order with the same figures.
/// </summary>
public sealed class UpsellForecastTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Prefix = "E2E Upsell Order";

    [Fact]
    public Task UpsellList_AsSales_IsInForecastOrder_AndTheCsvHasTheSameItemsAndFigures() => InBrowserAsync(async page =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Seats campaigns of 20 (hard limit 22), each started some days ago so its burn rate is used ÷ days since the start.
        var full = await CampaignAsync("Full", startedDaysAgo: 10, endsInDays: 60, enrolled: 22, refusedAttempts: 3); // at the hard limit today
        var fastNoEnd = await CampaignAsync("Fast, no end date", startedDaysAgo: 10, endsInDays: null, enrolled: 17); // 1.7/day: in 3 days
        var endsFirst = await CampaignAsync("Ends first", startedDaysAgo: 14, endsInDays: 2, enrolled: 17); // 17/14 a day: in 5 days, after its end
        var beforeEnd = await CampaignAsync("Before its end", startedDaysAgo: 10, endsInDays: 60, enrolled: 16); // 1.6/day: in 4 days

        // The runs-out flag outranks an earlier date: "Fast, no end date" reaches its hard limit sooner but has no end to run out before.
        string[] expected = [full, beforeEnd, fastNoEnd, endsFirst];
        string[] projected = [ForecastWords.Date(today), ForecastWords.Date(today.AddDays(4)), ForecastWords.Date(today.AddDays(3)), ForecastWords.Date(today.AddDays(5))];
        string[] refused = ["3", "0", "0", "0"];

        await SignInAsync(page, DemoData.UserWithRole("Sales"));
        await page.GotoAsync(Url($"upsell?q={Uri.EscapeDataString(Prefix)}"));
        await WaitForInteractivityAsync(page);
        var rows = page.Locator("[aria-label='Upsell items'] tbody tr").Filter(new() { HasText = Prefix });
        await Expect(rows).ToHaveCountAsync(expected.Length);

        for (var i = 0; i < expected.Length; i++)
        {
            var row = rows.Nth(i);
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = expected[i], Exact = true })).ToBeVisibleAsync();
            await Expect(row.GetByTestId("projected-hard-limit")).ToHaveTextAsync(projected[i]);
            await Expect(row.GetByTestId("refused-30-days")).ToHaveTextAsync(refused[i]);
            await Expect(row.GetByTestId("runs-out-before-end")).ToHaveCountAsync(i < 2 ? 1 : 0);
        }
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = ReadCsv(await download.PathAsync());
        var header = csv[0];
        var items = csv.Skip(1).ToList();
        Assert.Equal(expected, items.Select(r => r[header.IndexOf("pool")]));
        Assert.Equal(
            [today.ToString("yyyy-MM-dd"), today.AddDays(4).ToString("yyyy-MM-dd"), today.AddDays(3).ToString("yyyy-MM-dd"), today.AddDays(5).ToString("yyyy-MM-dd")],
            items.Select(r => r[header.IndexOf("projectedHardLimitAt")]));
        Assert.Equal(["true", "true", "", "false"], items.Select(r => r[header.IndexOf("runsOutBeforeEnd")]));
        Assert.Equal(refused, items.Select(r => r[header.IndexOf("refusedLast30Days")]));
        Assert.Equal(["110.00", "80.00", "85.00", "85.00"], items.Select(r => r[header.IndexOf("liveUtilizationPercent")]));
    });

    /// <summary>
    /// A seats campaign of 20 in its own company, started <paramref name="startedDaysAgo"/> days ago, with usage (and refused
    /// attempts); returns its name.
    /// </summary>
    private Task<string> CampaignAsync(string label, int startedDaysAgo, int? endsInDays, int enrolled, int refusedAttempts = 0) => App.WithAsync(async services =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var company = await services.GetRequiredService<CompanyService>().CreateAsync(DomainSteps.Integration, $"{Prefix} Co {label}");
        Assert.True(company.IsSuccess, company.Error?.Detail);
        var name = $"{Prefix} {label}";
        var created = await services.GetRequiredService<CampaignService>().CreateAsync(DomainSteps.Integration,
            new CreateCampaignRequest(company.Value.Id, name, PricingModel.Seats, 20, 10, CommittedSeats: 20,
                StartDate: today.AddDays(-startedDaysAgo), EndDate: endsInDays is { } e ? today.AddDays(e) : null));
        Assert.True(created.IsSuccess, created.Error?.Detail);
        // 16 first, so the 80 % band (the upsell item) is reached on its own: one evaluation raises only the highest band reached.
        var enrollments = services.GetRequiredService<EnrollmentService>();
        var ids = Enumerable.Range(1, enrolled + refusedAttempts).Select(i => (string?)$"{name}-{i}").ToList();
        var first = await enrollments.BulkEnrollVolunteersAsync(DomainSteps.Integration, created.Value.CampaignId, ids.Take(16).ToList());
        var (accepted, refused) = (first.Value!.Accepted, first.Value.Refused);
        if (ids.Count > 16)
        {
            var rest = (await enrollments.BulkEnrollVolunteersAsync(DomainSteps.Integration, created.Value.CampaignId, ids.Skip(16).ToList())).Value!;
            (accepted, refused) = (accepted + rest.Accepted, refused + rest.Refused);
        }
        Assert.Equal((enrolled, refusedAttempts), (accepted, refused));
        return name;
    });

    private static List<List<string>> ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<List<string>>();
        while (!parser.EndOfData) rows.Add([.. parser.ReadFields()!]);
        return rows;
    }
}
