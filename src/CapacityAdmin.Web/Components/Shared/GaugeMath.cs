using System.Globalization;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>Geometry and words of <see cref="CapacityGauge"/>: a half circle from the left (0) over the top to the right (the scale's end).</summary>
public static class GaugeMath
{
    private const double Cx = 100, Cy = 100, Radius = 80;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The hard limit as a percentage of the limit (100 when there is no overage band).</summary>
    public static decimal HardPercent(CapacityFigure figure) =>
        figure.HardLimit is { } hard && figure.Limit > 0 && hard > figure.Limit ? Math.Round(100m * hard / figure.Limit, 2) : 100m;

    /// <summary>Where the arc ends: the hard limit, or past it in steps of 10 % when usage went beyond.</summary>
    public static decimal Scale(CapacityFigure figure)
    {
        var end = HardPercent(figure);
        return figure.UtilizationPercent > end ? Math.Ceiling(figure.UtilizationPercent / 10m) * 10m : end;
    }

    /// <summary>"Seats 84 % of 50": what a screen reader announces for the meter.</summary>
    public static string Label(CapacityFigure figure) =>
        $"{figure.Title} {CapacityDisplay.Percent(figure.UtilizationPercent)} of {figure.Format(figure.Limit)}";

    public static (string X, string Y) Point(decimal percent, decimal scale, double radius = Radius)
    {
        var angle = Math.PI * (1 - (double)(scale <= 0 ? 0 : Math.Clamp(percent / scale, 0, 1)));
        return ((Cx + radius * Math.Cos(angle)).ToString("0.##", Culture), (Cy - radius * Math.Sin(angle)).ToString("0.##", Culture));
    }

    /// <summary>An SVG path along the gauge's circle from one percentage to another (clockwise, never more than half a turn).</summary>
    public static string Arc(decimal from, decimal to, decimal scale)
    {
        var (x1, y1) = Point(from, scale);
        var (x2, y2) = Point(to, scale);
        return $"M {x1} {y1} A {Radius.ToString(Culture)} {Radius.ToString(Culture)} 0 0 1 {x2} {y2}";
    }
}
