using System.Globalization;
using System.Text;
using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Web.Components.Forecasts;

/// <summary>A projected figure the chart draws after today: the projected usage on a date, and why that date is marked.</summary>
public sealed record ProjectedPoint(DateOnly Date, decimal Used, string Label);

/// <summary>
/// The geometry of <see cref="UsageChart"/>: the history's days on a date axis, the used line, the limit and hard-limit
/// lines as steps (a capacity change is a vertical step on the day it happened), and the projected line from today to the
/// end date at the domain's burn rate, flat once it reaches the hard limit (the limit refuses everything above it).
/// Pure: the bUnit tests check its figures without rendering.
/// </summary>
public sealed class UsageChartModel
{
    public const double Width = 720, Height = 280, Left = 64, Right = 16, Top = 16, Bottom = 40;

    /// <summary>How far a pool without an end date is projected, at most.</summary>
    public const int OpenEndedDays = 90;

    /// <summary>The horizon cap of a far end date, so a year-long campaign's history stays readable.</summary>
    public const int MaxProjectionDays = 366;

    private UsageChartModel(IReadOnlyList<UsagePoint> points, Forecast? forecast)
    {
        Points = points;
        Forecast = forecast;
        Today = forecast is { } f ? ForecastPolicy.Today(f.AsOf) : points[^1].Date;
        First = points.Count > 0 ? points[0].Date : Today;
        Projection = Project(forecast, Today);
        Last = Projection.Count > 0 ? Projection[^1].Date : Today;
        if (Last <= First) Last = First.AddDays(1);
        var values = points.SelectMany(p => new[] { p.Used, p.Limit, p.HardLimit })
            .Concat(Projection.Select(p => p.Used))
            .Concat(forecast is { } g ? [g.Used, g.Limit, g.HardLimit] : []);
        YMax = NiceMax(values.DefaultIfEmpty(0m).Max());
    }

    public IReadOnlyList<UsagePoint> Points { get; }
    public Forecast? Forecast { get; }
    public DateOnly First { get; }
    public DateOnly Last { get; }
    public DateOnly Today { get; }
    public decimal YMax { get; }

    /// <summary>Today's usage, then (when reached before the end) the hard-limit date, then the end of the projection.</summary>
    public IReadOnlyList<ProjectedPoint> Projection { get; }

    public static UsageChartModel? Create(UsageHistory? history, Forecast? forecast) =>
        history is { Points.Count: > 0 } h ? new UsageChartModel(h.Points, forecast) : null;

    public double X(DateOnly date) => Left + (date.DayNumber - First.DayNumber) * (Width - Left - Right) / (Last.DayNumber - First.DayNumber);

    public double Y(decimal value) => Top + (double)(1m - value / YMax) * (Height - Top - Bottom);

    public string UsedPath() => Line(Points.Select(p => (p.Date, p.Used)));

    public string LimitPath() => Step(Points.Select(p => (p.Date, p.Limit)), Forecast?.Limit);

    public string HardLimitPath() => Step(Points.Select(p => (p.Date, p.HardLimit)), Forecast?.HardLimit);

    public string ProjectedPath() => Projection.Count < 2 ? "" : Line(Projection.Select(p => (p.Date, p.Used)));

    /// <summary>Five evenly spaced values from 0 to <see cref="YMax"/> for the gridlines.</summary>
    public IEnumerable<decimal> YTicks() => Enumerable.Range(0, 5).Select(i => YMax * i / 4);

    /// <summary>The dates written under the axis: the first day, today and the end of the projection, without overlaps.</summary>
    public IEnumerable<DateOnly> XTicks()
    {
        var ticks = new List<DateOnly> { First };
        foreach (var d in new[] { Today, Last })
            if (ticks.All(t => Math.Abs(X(t) - X(d)) >= 90)) ticks.Add(d);
        return ticks;
    }

    private static IReadOnlyList<ProjectedPoint> Project(Forecast? f, DateOnly today)
    {
        if (f is null) return [];
        DateOnly end;
        if (f.EndDate is { } e) end = e > today ? e : today;
        else end = f.ProjectedHardLimitAt is { } h && h > today ? h.AddDays(7) : today.AddDays(30);
        end = Min(end, today.AddDays(f.EndDate is null ? OpenEndedDays : MaxProjectionDays));
        if (end <= today) return [];

        var ceiling = Math.Max(f.HardLimit, f.Used);
        decimal At(DateOnly d) => Math.Clamp(f.Used + f.BurnRatePerDay * (d.DayNumber - today.DayNumber), 0m, ceiling);
        var points = new List<ProjectedPoint> { new(today, f.Used, "today") };
        if (f.ProjectedHardLimitAt is { } hard && hard > today && hard < end)
            points.Add(new ProjectedPoint(hard, f.HardLimit, "projected hard limit"));
        points.Add(new ProjectedPoint(end, At(end), f.EndDate == end ? "end date" : "end of projection"));
        return points;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A round axis maximum a little above the largest figure: 1, 2, 2.5 or 5 times a power of ten.</summary>
    internal static decimal NiceMax(decimal max)
    {
        if (max <= 0) return 1m;
        var target = (double)max * 1.1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * power >= target) return (decimal)(step * power);
        return (decimal)(10 * power);
    }

    private string Line(IEnumerable<(DateOnly Date, decimal Value)> points)
    {
        var path = new StringBuilder();
        foreach (var (date, value) in points) path.Append(path.Length == 0 ? 'M' : 'L').Append(Num(X(date))).Append(' ').Append(Num(Y(value))).Append(' ');
        return path.ToString().TrimEnd();
    }

    /// <summary>A value per day as it stood at the end of that day: horizontal until the day it changed, then a vertical step.</summary>
    private string Step(IEnumerable<(DateOnly Date, decimal Value)> points, decimal? current)
    {
        var path = new StringBuilder();
        decimal? previous = null;
        foreach (var (date, value) in points)
        {
            if (previous is null) path.Append("M").Append(Num(X(date))).Append(' ').Append(Num(Y(value)));
            else
            {
                path.Append(" H").Append(Num(X(date)));
                if (value != previous) path.Append(" V").Append(Num(Y(value)));
            }
            previous = value;
        }
        // The current limit carries on over the projection (a planned change is not known).
        if (Last > Points[^1].Date && (current ?? previous) is { } carry)
        {
            if (carry != previous) path.Append(" V").Append(Num(Y(carry)));
            path.Append(" H").Append(Num(X(Last)));
        }
        return path.ToString();
    }

    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
