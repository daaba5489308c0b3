using Bunit;
using CapacityAdmin.Web.Components.Forecasts;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Forecasts;

public sealed class ForecastSummaryTests : ComponentTestBase
{
    [Fact]
    public void Summary_RunsOutBeforeTheEnd_SaysHowManyDaysEarlyAndFlagsItInWords()
    {
        var f = ForecastSamples.Seats(end: new DateOnly(2026, 12, 30));

        var cut = RenderInteractive<ForecastSummary>(p => p.Add(s => s.Forecast, f));

        var headline = cut.Find("p.ca-forecast-headline");
        Assert.Contains("ca-forecast-flagged", headline.ClassName);
        Assert.Equal("Runs out before the end.", headline.QuerySelector("strong")!.TextContent);
        Assert.EndsWith("At this pace you run out 6 days before your campaign ends.", headline.TextContent.Trim());
        Assert.Equal(
        [
            "Used now", "20 of 100 seats (20 %)",
            "Days to full", "16 days",
            "Projected full", "22 Dec 2026 (in 16 days)",
            "Projected hard limit", "24 Dec 2026 (in 18 days)",
            "End date", "30 Dec 2026",
            "Projected at the end", "110 %",
            "Burn rate", "5 seats per day, over the last 4 days",
            "Refused in the last 30 days", "40 attempts",
        ], TextsOf(cut.Find("dl.ca-forecast-figures").ChildNodes));
        // The flag's text stays AA readable on its background; the bar is amber as the band "near".
        Assert.True(Wcag.Contrast("#1a1a1a", "#fff4e5") >= 4.5);
        Assert.Contains($"border-left:4px solid {BandColors.Near}", headline.GetAttribute("style"));
    }

    [Fact]
    public void Summary_LastsBeyondTheEnd_IsNotFlagged()
    {
        // 1 a day: the hard limit is 90 days away, after the end date.
        var f = ForecastSamples.Seats(used: 20m, usedAtBasis: 16m, end: new DateOnly(2026, 12, 31));

        var cut = RenderInteractive<ForecastSummary>(p => p.Add(s => s.Forecast, f));

        var headline = cut.Find("p.ca-forecast-headline");
        Assert.DoesNotContain("ca-forecast-flagged", headline.ClassName);
        Assert.Empty(headline.QuerySelectorAll("strong"));
        Assert.Equal("At this pace you reach the hard limit on 6 Mar 2027, not before your campaign ends on 31 Dec 2026.", headline.TextContent.Trim());
    }

    [Fact]
    public void Summary_UsageNotGrowing_ProjectsNoDate()
    {
        var f = ForecastSamples.Seats(used: 20m, usedAtBasis: 25m, refused: 0);

        var cut = RenderInteractive<ForecastSummary>(p => p.Add(s => s.Forecast, f));

        Assert.Equal("Usage is not growing, so no run-out date is projected (this campaign has no end date).", cut.Find("p.ca-forecast-headline").TextContent.Trim());
        var figures = TextsOf(cut.Find("dl.ca-forecast-figures").ChildNodes);
        Assert.Contains("not filling up", figures);
        Assert.Contains("-1.25 seats per day, over the last 4 days", figures);
        Assert.Contains("none", figures);
    }

    [Fact]
    public void Summary_WithoutForecast_SaysSo()
    {
        var cut = RenderInteractive<ForecastSummary>();

        Assert.Contains("No forecast is available", cut.Markup);
    }
}
