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
}
