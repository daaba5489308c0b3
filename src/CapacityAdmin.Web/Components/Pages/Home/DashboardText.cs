using System.Globalization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace CapacityAdmin.Web.Components.Pages.Home;

/// <summary>Words and links shared by the dashboards.</summary>
public static class DashboardText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture);

    public static string? When(DateTimeOffset? at) => at is { } value ? When(value) : null;

    /// <summary>Two decimals at most: "80 %", "116.67 %" (the stored figure of an alert).</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", Culture) + " %";

    public static string AlertState(AlertStatus status) => status switch
    {
        AlertStatus.Acknowledged => "Acknowledged",
        AlertStatus.Snoozed => "Snoozed",
        _ => "New",
    };

    /// <summary>A capacity request as its requester sees it.</summary>
    public static string RequestState(AlertStatus status) => status switch
    {
        AlertStatus.Acknowledged => "Handled by Customer Success",
        AlertStatus.Snoozed => "Scheduled by Customer Success",
        _ => "Waiting for Customer Success",
    };

    public static string UpsellStatus(Domain.Alerts.UpsellStatus status) => status switch
    {
        Domain.Alerts.UpsellStatus.New => "New",
        Domain.Alerts.UpsellStatus.Contacted => "Contacted",
        Domain.Alerts.UpsellStatus.Won => "Won",
        Domain.Alerts.UpsellStatus.Lost => "Lost",
        _ => "Dismissed",
    };

    /// <summary>The pool's page: campaigns and bundles have one, level caps live on the level-capacities page.</summary>
    public static string PoolPath(PoolType type, Guid id) => type switch
    {
        PoolType.Campaign => $"campaigns/{id}",
        PoolType.Bundle => $"bundles/{id}",
        _ => "memberships/level-capacities",
    };

    /// <summary>"National", "Zone", "State", "District", "Mandal".</summary>
    public static string Level(Domain.Geography.Level level) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(level.ToString().ToLowerInvariant());

    public static RenderFragment PoolLink(PoolType type, Guid id, string name) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", PoolPath(type, id));
        builder.AddContent(2, name);
        builder.CloseElement();
    };
}
