using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Tests.Alerts;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Forecasts;

/// <summary>The upsell list and its CSV in the forecast order, with the live figures of each pool.</summary>
public sealed class UpsellForecastTests() : AlertTest(new SqliteTestDatabase())
{
    private static readonly DateOnly Day0 = new(2026, 3, 1);

    private async Task<Guid> CampaignAsync(Guid company, int seats, DateOnly? end)
    {
        var request = new CreateCampaignRequest(company, $"Upsell {Guid.NewGuid():N}", PricingModel.Seats, 10, 10, CommittedSeats: seats,
            StartDate: Day0.AddDays(-4), EndDate: end);
        return Ok(await CampaignService.CreateAsync(Admin, request)).CampaignId;
    }

    [Fact]
    public async Task UpsellList_DefaultOrder_RunsOutFirstThenEarliestDateThenUtilization_AndCsvCarriesTheFigures()
    {
        // Arrange (4 days of usage each, put in place now):
        // early: 8 of 10 (hard 11), ends in 30 days: hard limit in 2 days; after the scan 3 more and a refusal: at its hard limit today.
        // ending: 80 of 100, ends in 10 days: 20 a day, hard limit in 2 days (3 March), runs out before its end.
        // open:   85 of 100, no end date: hard limit in 2 days too, but nothing to run out before.
        var company = await NewCompanyAsync();
        var early = await CampaignAsync(company, 10, Day0.AddDays(30));
        var ending = await CampaignAsync(company, 100, Day0.AddDays(10));
        var open = await CampaignAsync(company, 100, null);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await SetVolunteersAsync(early, 8);
        await SetVolunteersAsync(ending, 80);
        await SetVolunteersAsync(open, 85);
        await Scanner.ScanAsync(); // 80 % opportunities for all three, forecast alerts for ending, open and early
        foreach (var id in new[] { "x1", "x2", "x3", "x4" }) Ok(await Enrollments.EnrollVolunteerAsync(Integration, early, id));

        // Act
        var list = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(CompanyId: company), new PageRequest()));
        var newest = Ok(await AlertService.ListUpsellAsync(Sales, new UpsellQuery(CompanyId: company, Sort: UpsellSort.CreatedAt), new PageRequest()));
        var csv = await UpsellCsvText.OfAsync(Ok(AlertService.StreamUpsellExport(Sales, new UpsellQuery(CompanyId: company))));

        // Assert
        Assert.Equal([early, early, ending, ending, open, open], list.Items.Select(i => i.PoolId));
        var first = list.Items[0];
        Assert.Equal((true, Day0, 110.00m, 1L), (first.RunsOutBeforeEnd, first.ProjectedHardLimitAt, first.LiveUtilizationPercent, first.RefusedLast30Days));
        Assert.Equal(80.00m, list.Items.Single(i => i.PoolId == early && i.Kind == AlertKind.Threshold).UtilizationPercent); // at alert time
        Assert.Equal((true, Day0.AddDays(2), 80.00m), (list.Items[2].RunsOutBeforeEnd, list.Items[2].ProjectedHardLimitAt, list.Items[2].LiveUtilizationPercent));
        Assert.Equal((null, Day0.AddDays(2)), (list.Items[4].RunsOutBeforeEnd, list.Items[4].ProjectedHardLimitAt));
        Assert.Equal(6, newest.Items.Count);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("liveUtilizationPercent,projectedHardLimitAt,runsOutBeforeEnd,refusedLast30Days", lines[0], StringComparison.Ordinal);
        Assert.Equal(list.Items.Select(i => i.AlertId.ToString()), lines.Skip(1).Select(l => l[..36]));
        Assert.EndsWith(",110.00,2026-03-01,true,1", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",80.00,2026-03-03,true,0", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",85.00,2026-03-03,,0", lines[5], StringComparison.Ordinal);
    }
}
