using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Shared;

public sealed class BandColorsTests : ComponentTestBase
{
    [Theory]
    [MemberData(nameof(AllColours))]
    public void BandColors_EveryBadgeBackground_MeetsAaContrastWithWhiteText(string colour) =>
        Assert.True(Wcag.Contrast(colour, BandColors.Text) >= 4.5, $"{colour} on white text: {Wcag.Contrast(colour, BandColors.Text):0.00}:1");

    public static TheoryData<string> AllColours => new(
        Enum.GetValues<CapacityBand>().Select(BandColors.Of).Concat(Enum.GetValues<AlertSeverity>().Select(BandColors.Of)));

    [Fact]
    public void BandColors_Contrast_OfBlackOnWhiteIs21()
    {
        Assert.Equal(21, Wcag.Contrast("#000000", "#ffffff"), 2);
        Assert.Equal(1, Wcag.Contrast("#1f4e79", "#1f4e79"), 2);
    }

    [Fact]
    public void SeverityBadge_ErrorIsRedAndWarningAmber()
    {
        var error = RenderInteractive<SeverityBadge>(p => p.Add(b => b.Severity, AlertSeverity.Error)).Find("span");
        var warning = RenderInteractive<SeverityBadge>(p => p.Add(b => b.Severity, AlertSeverity.Warning)).Find("span");

        Assert.Contains($"background-color:{BandColors.Overage}", error.GetAttribute("style"));
        Assert.Equal("error", error.TextContent);
        Assert.Contains($"background-color:{BandColors.Near}", warning.GetAttribute("style"));
        Assert.Equal("warning", warning.TextContent);
    }

    [Fact]
    public void BandLegend_NamesEveryBand()
    {
        var legend = RenderInteractive<BandLegend>();

        Assert.Equal(["normal", "near", "at capacity", "overage"], legend.FindAll(".ca-band").Select(b => b.TextContent).ToList());
    }
}
