using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// The one palette of capacity bands and alert severities. Every background carries white text at 4.5:1 or more
/// (WCAG AA for normal text; checked by <c>BandColorsTests</c>), and as graphics they are above 3:1 on white.
/// ERROR is red and WARNING amber, as people expect; the band of the same height uses the same hue.
/// </summary>
public static class BandColors
{
    public const string Text = "#ffffff";

    public const string Normal = "#1e6b34";
    public const string Near = "#8a5a00";
    public const string At = "#a84300";
    public const string Overage = "#b3261e";

    public const string Info = "#0b5cad";
    public const string Critical = "#6a1b3a";

    /// <summary>The part of a gauge's track between 100 % and the hard limit (the overage room), and the rest of it.</summary>
    public const string OverageTrack = "#f3c9c5";
    public const string Track = "#dfe4ea";

    public static string Of(CapacityBand band) => band switch
    {
        CapacityBand.Near => Near,
        CapacityBand.At => At,
        CapacityBand.Overage => Overage,
        _ => Normal,
    };

    public static string Of(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Critical,
        AlertSeverity.Error => Overage,
        AlertSeverity.Warning => Near,
        _ => Info,
    };

    /// <summary>WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21).</summary>
    public static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var h = hex.TrimStart('#');
        return 0.2126 * Channel(h, 0) + 0.7152 * Channel(h, 2) + 0.0722 * Channel(h, 4);
    }
}
