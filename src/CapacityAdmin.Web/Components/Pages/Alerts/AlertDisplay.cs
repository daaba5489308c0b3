using System.Globalization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Pages.Alerts;

/// <summary>Display text of alerts and upsell items: severities, statuses, ages, delivery summaries, pool links. No rules here.</summary>
public static class AlertDisplay
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static readonly IReadOnlyList<AlertSeverity> Severities = Enum.GetValues<AlertSeverity>();
    public static readonly IReadOnlyList<AlertStatus> Statuses = Enum.GetValues<AlertStatus>();
    public static readonly IReadOnlyList<UpsellStatus> UpsellStatuses = Enum.GetValues<UpsellStatus>();

    /// <summary>The four thresholds of the settings ("80%" ... "110%").</summary>
    public static readonly IReadOnlyList<string> Thresholds = Domain.Alerts.AlertBandSetting.Thresholds.ToList();

    /// <summary>The human name of a code for grids and filters: "Acknowledged", "Critical", "Contacted".</summary>
    public static string Title(Enum value) => Capitalize((value switch
    {
        AlertSeverity s => WireNames.Of(s),
        AlertStatus s => WireNames.Of(s),
        UpsellStatus s => WireNames.Of(s),
        _ => value.ToString(),
    }).Replace('_', ' '));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>MudBlazor colour of an upsell status chip (text always names the status too).</summary>
    public static MudBlazor.Color UpsellColor(UpsellStatus status) => status switch
    {
        UpsellStatus.New => MudBlazor.Color.Info,
        UpsellStatus.Contacted => MudBlazor.Color.Primary,
        UpsellStatus.Won => MudBlazor.Color.Success,
        UpsellStatus.Lost => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Name(AlertSeverity value) => WireNames.Of(value);

    public static string Name(AlertStatus value) => WireNames.Of(value);

    public static string Name(UpsellStatus value) => WireNames.Of(value);

    /// <summary>"80%" for a threshold alert, "request" for a capacity request.</summary>
    public static string Band(string? threshold, AlertKind kind) => kind == AlertKind.CapacityRequest ? "request" : threshold ?? "—";

    public static string Kind(AlertKind kind) => kind switch
    {
        AlertKind.CapacityRequest => "capacity request",
        AlertKind.Forecast => "runs out early (forecast)",
        _ => "threshold alert",
    };

    /// <summary>Two decimals at most, as the domain stores it: "80 %", "116.67 %".</summary>
    public static string Utilization(decimal percent) => percent.ToString("0.##", Culture) + " %";

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture);

    /// <summary>"just now", "12 min ago", "3 h ago", "2 d ago".</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
        { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} d ago",
    };

    /// <summary>"2 sent · 1 pending · 1 no address": the deliveries by state, in a fixed order.</summary>
    public static string Deliveries(IReadOnlyList<AlertDeliveryView> deliveries)
    {
        if (deliveries.Count == 0) return "none";
        var parts = new[] { DeliveryState.Sent, DeliveryState.Pending, DeliveryState.Failed, DeliveryState.NoAddress }
            .Select(state => (state, count: deliveries.Count(d => d.State == state)))
            .Where(x => x.count > 0)
            .Select(x => $"{x.count} {WireNames.Of(x.state).Replace('_', ' ')}");
        return string.Join(" · ", parts);
    }

    /// <summary>One line per delivery for the tooltip: "company_admin alex@acme.local: sent".</summary>
    public static string DeliveryDetails(IReadOnlyList<AlertDeliveryView> deliveries) =>
        string.Join("\n", deliveries.Select(d =>
            $"{WireNames.Of(d.Recipient)} {d.Address ?? "(no address)"}: {WireNames.Of(d.State)}"
            + (d.Attempts > 0 ? $", {d.Attempts} attempt(s)" : "") + (d.LastError is { } e ? $" — {e}" : "")));

    /// <summary>The pool's page, or null for level caps (internal, no page of their own).</summary>
    public static string? PoolPath(PoolType type, Guid id) => type switch
    {
        PoolType.Campaign => $"campaigns/{id}",
        PoolType.Bundle => $"bundles/{id}",
        _ => null,
    };
}
