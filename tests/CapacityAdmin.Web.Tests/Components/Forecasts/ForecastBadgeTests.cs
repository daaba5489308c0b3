using Bunit;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Web.Components.Forecasts;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Components.Forecasts;

public sealed class ForecastBadgeTests : ComponentTestBase
{
    [Fact]
    public void Badge_RunsOutBeforeEnd_ShowsDaysToFullAndTheFlagInWords()
    {
        var cut = RenderInteractive<ForecastBadge>(p => p.Add(b => b.Forecast, ForecastSamples.Seats(end: new DateOnly(2026, 12, 30))));

        Assert.Equal("full in 16 days", cut.Find(".ca-forecast-days").TextContent);
        var flag = cut.Find(".ca-forecast-runsout");
        Assert.Equal("runs out before end", flag.TextContent);
        Assert.Equal("runs out 6 days before the end", flag.GetAttribute("title"));
        Assert.True(Wcag.Contrast(BandColors.Near, BandColors.Text) >= 4.5);
    }

    [Fact]
    public void Badge_EndingAfterTheHardLimitIsReached_HasNoFlag()
    {
        var cut = RenderInteractive<ForecastBadge>(p => p.Add(b => b.Forecast, ForecastSamples.Seats(end: new DateOnly(2026, 12, 20))));

        Assert.Equal("full in 16 days", cut.Find(".ca-forecast-days").TextContent);
        Assert.Empty(cut.FindAll(".ca-forecast-runsout"));
    }

    [Fact]
    public void Badge_InAScope_FindsItsPoolsForecast()
    {
        var f = ForecastSamples.Seats(used: 100m);
        var lookup = new ForecastLookup(new Dictionary<PoolRef, Forecast> { [f.Pool] = f });

        var cut = Render<CascadingValueHost>(p => p.Add(h => h.Lookup, lookup).Add(h => h.Pool, f.Pool));

        Assert.Equal("full now", cut.Find(".ca-forecast-days").TextContent);
    }

    [Fact]
    public void Badge_PoolWithoutForecast_SaysSo()
    {
        var cut = RenderInteractive<ForecastBadge>(p => p.Add(b => b.Pool, PoolRef.Bundle(Guid.NewGuid())));

        Assert.Equal("no forecast", cut.Find(".ca-forecast-days").TextContent);
    }

    /// <summary>A badge under a cascaded lookup, as inside a <see cref="ForecastScope"/>.</summary>
    private sealed class CascadingValueHost : Microsoft.AspNetCore.Components.ComponentBase
    {
        [Microsoft.AspNetCore.Components.Parameter] public ForecastLookup Lookup { get; set; } = ForecastLookup.Empty;
        [Microsoft.AspNetCore.Components.Parameter] public PoolRef Pool { get; set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<Microsoft.AspNetCore.Components.CascadingValue<ForecastLookup>>(0);
            builder.AddAttribute(1, "Value", Lookup);
            builder.AddAttribute(2, "ChildContent", (Microsoft.AspNetCore.Components.RenderFragment)(b =>
            {
                b.OpenComponent<ForecastBadge>(0);
                b.AddAttribute(1, "Pool", (PoolRef?)Pool);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }
}
