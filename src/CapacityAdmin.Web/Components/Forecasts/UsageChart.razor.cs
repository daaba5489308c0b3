using System.Globalization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Components.Forecasts;

/// <summary>
/// The usage of one pool per UTC day with its limit and hard-limit lines and the projected line to the end date.
/// Give it <see cref="History"/> and <see cref="Forecast"/> (a page that already loaded them), or
/// <see cref="PoolType"/> and <see cref="PoolId"/> and it loads them for the signed-in user.
/// </summary>
public partial class UsageChart
{
    public const string UsedColor = BandColors.Info;
    public const string LimitColor = BandColors.Near;
    public const string HardLimitColor = BandColors.Overage;

    internal const string VisuallyHidden =
        "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0";

    private static int _next;
    private readonly string _id = $"usage-chart-{Interlocked.Increment(ref _next)}";

    // Resolved only when the chart loads its own data, so a chart given its figures needs no services.
    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Parameter] public UsageHistory? History { get; set; }
    [Parameter] public Forecast? Forecast { get; set; }
    [Parameter] public PoolType? PoolType { get; set; }
    [Parameter] public Guid? PoolId { get; set; }
    [Parameter] public string Caption { get; set; } = "Usage per day";

    private UsageHistory? _history;
    private Forecast? _forecast;
    private UsageChartModel? _model;
    private bool _loading;
    private string? _error;
    private bool _showTable;

    private PoolMeasure Measure => _forecast?.Measure ?? _history?.Measure ?? PoolMeasure.Volunteers;

    protected override async Task OnParametersSetAsync()
    {
        if (History is not null || PoolId is not { } id || PoolType is not { } type)
        {
            _history = History;
            _forecast = Forecast;
        }
        else
        {
            _loading = true;
            var forecasts = Services.GetRequiredService<ForecastService>();
            var actor = await Services.GetRequiredService<CurrentActor>().GetAsync();
            var history = type == Domain.Common.PoolType.Bundle
                ? await forecasts.GetBundleHistoryAsync(actor, id)
                : await forecasts.GetCampaignHistoryAsync(actor, id);
            var forecast = type == Domain.Common.PoolType.Bundle
                ? await forecasts.GetBundleForecastAsync(actor, id)
                : await forecasts.GetCampaignForecastAsync(actor, id);
            _loading = false;
            if (!history.IsSuccess || !forecast.IsSuccess)
            {
                _error = "The usage history of this pool is not available.";
                return;
            }
            _history = history.Value;
            _forecast = forecast.Value;
        }
        _model = UsageChartModel.Create(_history, _forecast);
    }

    private string Description(UsageChartModel m)
    {
        var last = m.Points[^1];
        var unit = ForecastWords.Unit(Measure);
        var text = $"From {ForecastWords.Date(m.First)} to {ForecastWords.Date(last.Date)}: used {ForecastWords.Amount(Measure, last.Used)} {unit} " +
                   $"of a limit of {ForecastWords.Amount(Measure, last.Limit)} (hard limit {ForecastWords.Amount(Measure, last.HardLimit)}).";
        if (m.Projection.Count > 1)
        {
            var end = m.Projection[^1];
            text += $" Projected at the current pace: {ForecastWords.Amount(Measure, end.Used)} {unit} on {ForecastWords.Date(end.Date)} ({end.Label}).";
        }
        return text;
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An SVG text label (Razor reserves the &lt;text&gt; tag, so it is written as markup).</summary>
    private static MarkupString Label(double x, double y, string anchor, string content) =>
        new($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#1a1a1a\">{System.Net.WebUtility.HtmlEncode(content)}</text>");

    private static RenderFragment Swatch(string colour, string dash, int width) => builder =>
    {
        builder.AddMarkupContent(0,
            $"<svg width=\"28\" height=\"10\" aria-hidden=\"true\" focusable=\"false\" style=\"vertical-align:middle\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"{colour}\" stroke-width=\"{width}\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")} /></svg>");
    };
}
