using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Web.Components.Forecasts;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Forecasts;

public sealed class UsageChartTests : ComponentTestBase
{
    private static readonly Forecast Forecast = ForecastSamples.Seats(end: new DateOnly(2026, 12, 30));

    private IRenderedComponent<UsageChart> RenderChart(UsageHistory history) =>
        RenderInteractive<UsageChart>(p => p.Add(c => c.History, history).Add(c => c.Forecast, Forecast).Add(c => c.Caption, "Usage of River Clean-up per day"));

    [Fact]
    public void Chart_WithHistory_IsANamedImageWithTheSameFiguresInATable()
    {
        var cut = RenderChart(ForecastSamples.History(Forecast));

        Assert.Equal("Usage of River Clean-up per day", cut.Find("figcaption h3").TextContent);
        var svg = cut.Find("svg[role=img]");
        Assert.Equal("Usage of River Clean-up per day", svg.QuerySelector("title")!.TextContent);
        Assert.Equal("From 2 Dec 2026 to 6 Dec 2026: used 20 seats of a limit of 100 (hard limit 110). " +
                     "Projected at the current pace: 110 seats on 30 Dec 2026 (end date).", svg.QuerySelector("desc")!.TextContent);

        var rows = cut.FindAll("table.ca-usage-table tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal(["2 Dec 2026", "0", "80", "88", "0"], rows[0]);
        Assert.Equal(["3 Dec 2026", "5", "80", "88", "3"], rows[1]);
        Assert.Equal(["4 Dec 2026", "10", "100", "110", "0"], rows[2]);
        Assert.Equal(["6 Dec 2026", "20", "100", "110", "0"], rows[4]);
        Assert.Equal(["24 Dec 2026 (projected, projected hard limit)", "110", "100", "110", "—"], rows[5]);
        Assert.Equal(["30 Dec 2026 (projected, end date)", "110", "100", "110", "—"], rows[6]);
        Assert.Contains("per UTC day (seats)", cut.Find("table.ca-usage-table caption").TextContent);
    }

    [Fact]
    public void Chart_CapacityChange_IsOneVerticalStepInTheLimitLines()
    {
        var cut = RenderChart(ForecastSamples.History(Forecast));

        var limit = cut.Find("path.ca-usage-limit").GetAttribute("d")!;
        var hard = cut.Find("path.ca-usage-hardlimit").GetAttribute("d")!;
        Assert.Single(limit.Split(' '), s => s.StartsWith('V'));
        Assert.Single(hard.Split(' '), s => s.StartsWith('V'));
        // The used line has a point per day; the projection starts today and ends on the end date.
        Assert.Equal(5, cut.Find("path.ca-usage-used").GetAttribute("d")!.Split(' ').Count(s => s.StartsWith('M') || s.StartsWith('L')));
        Assert.Equal(3, cut.Find("path.ca-usage-projected").GetAttribute("d")!.Split(' ').Count(s => s.StartsWith('M') || s.StartsWith('L')));
    }

    [Fact]
    public void Chart_Table_IsVisuallyHiddenUntilAsked()
    {
        var cut = RenderChart(ForecastSamples.History(Forecast));

        var button = cut.Find("button[aria-controls]");
        var table = cut.Find($"#{button.GetAttribute("aria-controls")}");
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Contains("clip:rect(0,0,0,0)", table.GetAttribute("style"));

        button.Click();

        button = cut.Find("button[aria-controls]");
        Assert.Equal("true", button.GetAttribute("aria-expanded"));
        Assert.DoesNotContain("clip", cut.Find($"#{button.GetAttribute("aria-controls")}").GetAttribute("style"));
        Assert.Contains("Hide the figures", button.TextContent);
    }

    [Fact]
    public void Chart_EmptyHistory_SaysSoWithoutAChart()
    {
        var cut = RenderChart(new UsageHistory(PoolType.Campaign, Forecast.PoolId, PoolMeasure.Seats, []));

        Assert.Contains("No usage recorded in this period yet.", cut.Find(".ca-usage-empty").TextContent);
        Assert.Empty(cut.FindAll("svg[role=img]"));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void Model_ProjectionStopsRisingAtTheHardLimit()
    {
        var model = UsageChartModel.Create(ForecastSamples.History(Forecast), Forecast)!;

        Assert.Equal(
        [
            new ProjectedPoint(new DateOnly(2026, 12, 6), 20m, "today"),
            new ProjectedPoint(new DateOnly(2026, 12, 24), 110m, "projected hard limit"),
            new ProjectedPoint(new DateOnly(2026, 12, 30), 110m, "end date"),
        ], model.Projection);
        Assert.Equal(125m, model.YMax);
        Assert.Equal(new DateOnly(2026, 12, 30), model.Last);
    }

    [Fact]
    public void Model_NoEndDateAndNoGrowth_ProjectsAFlatMonth()
    {
        var flat = ForecastSamples.Seats(used: 20m, usedAtBasis: 20m);

        var model = UsageChartModel.Create(ForecastSamples.History(flat), flat)!;

        Assert.Equal([new ProjectedPoint(ForecastSamples.Today, 20m, "today"), new ProjectedPoint(ForecastSamples.Today.AddDays(30), 20m, "end of projection")],
            model.Projection);
    }
}
