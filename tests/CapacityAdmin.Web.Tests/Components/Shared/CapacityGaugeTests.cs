using Bunit;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Shared;

public sealed class CapacityGaugeTests : ComponentTestBase
{
    private static CapacityFigure Seats(int used, int limit, int hard) =>
        new("Seats", "seats", used, limit, Math.Max(0, limit - used), Math.Round(100m * used / limit, 2), CapacityPolicy.Band(used, limit), HardLimit: hard);

    [Fact]
    public void Gauge_SeatsAt84Percent_IsAMeterNamedWithItsPercentAndLimit()
    {
        var cut = RenderInteractive<CapacityGauge>(p => p.Add(g => g.Figure, Seats(42, 50, 55)));

        var meter = cut.Find("[role=meter]");
        Assert.Equal("Seats 84 % of 50", meter.GetAttribute("aria-label"));
        Assert.Equal("84", meter.GetAttribute("aria-valuenow"));
        Assert.Equal("0", meter.GetAttribute("aria-valuemin"));
        Assert.Equal("110", meter.GetAttribute("aria-valuemax"));
        Assert.Equal("near", cut.Find(".ca-band").TextContent);
    }

    [Fact]
    public void Gauge_WithOverageBand_ShowsTheRoomUpToTheHardLimitAndA100PercentMark()
    {
        var cut = RenderInteractive<CapacityGauge>(p => p.Add(g => g.Figure, Seats(52, 50, 55)));

        Assert.Single(cut.FindAll("line.ca-gauge-mark"));
        Assert.Equal(2, cut.FindAll("path.ca-gauge-track").Count);
        var figures = TextsOf(cut.Find("dl.ca-figures").ChildNodes);
        Assert.Equal(["Used", "52", "Limit", "50", "Available", "0", "Overage room", "3"], figures);
        Assert.Equal(BandColors.Overage, cut.Find("path.ca-gauge-value").GetAttribute("stroke"));
    }

    [Fact]
    public void Gauge_UsagePastTheHardLimit_ExtendsTheScaleBeyondIt()
    {
        var cut = RenderInteractive<CapacityGauge>(p => p.Add(g => g.Figure, Seats(60, 50, 55)));

        Assert.Equal("120", cut.Find("[role=meter]").GetAttribute("aria-valuemax"));
        Assert.Equal("120", cut.Find("[role=meter]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Gauge_WithHref_LinksItsTitle()
    {
        var cut = RenderInteractive<CapacityGauge>(p => p.Add(g => g.Figure, Seats(10, 50, 55) with { Title = "River Clean-up" }).Add(g => g.Href, "campaigns/1"));

        var link = cut.Find("h3 a");
        Assert.Equal("campaigns/1", link.GetAttribute("href"));
        Assert.Equal("River Clean-up", link.TextContent);
    }
}
