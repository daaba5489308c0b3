using CapacityAdmin.Domain.Common;
using System.Globalization;
using System.Text.Json.Serialization;
using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Web.Api;

/// <summary>
/// The contract's Alert (api-v1.md "Alert"), every enum spelled by <see cref="WireNames"/>: <c>poolType</c> campaign,
/// bundle or levelCapacity; <c>threshold</c> "80%"; <c>recipients</c> sales, company_admin, cs. Two members beyond the
/// contract: <c>kind</c> (threshold, capacity_request: a capacity request has no threshold) and <c>status</c> (new,
/// acknowledged, snoozed: the value the <c>status</c> filter of GET /alerts matches). Optional members are left out
/// when empty.
/// </summary>
public sealed record AlertResponse(
    Guid Id,
    string Kind,
    string PoolType,
    Guid PoolId,
    string PoolName,
    Guid? CompanyId,
    string? Threshold,
    string Severity,
    string Action,
    decimal UtilizationPercent,
    string Message,
    IReadOnlyList<string> Recipients,
    DateTimeOffset CreatedAt,
    string Status,
    IReadOnlyList<AlertDeliveryResponse> Deliveries,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? SnoozedUntil,
    string? UpsellStatus,
    string? UpsellOwner,
    string? UpsellNotes)
{
    public static AlertResponse From(AlertView a) => new(
        a.Id,
        WireNames.Of(a.Kind),
        WireNames.Of(a.PoolType),
        a.PoolId,
        a.PoolName,
        a.CompanyId,
        a.Threshold,
        WireNames.Of(a.Severity),
        WireNames.Of(a.Action),
        decimal.Round(a.UtilizationPercent, 2, MidpointRounding.AwayFromZero),
        a.Message,
        a.Recipients.Select(WireNames.Of<AlertRecipients>).ToList(),
        a.CreatedAt,
        WireNames.Of(a.Status),
        a.Deliveries.Select(AlertDeliveryResponse.From).ToList(),
        a.AcknowledgedAt,
        a.AcknowledgedBy,
        a.SnoozedUntil,
        a.UpsellStatus is { } upsell ? WireNames.Of(upsell) : null,
        a.UpsellOwner,
        a.UpsellNotes);

    public static IReadOnlyList<AlertResponse> From(IEnumerable<AlertView> alerts) => alerts.Select(From).ToList();
}

/// <summary>
/// One delivery: <c>recipient</c> is the role, <c>address</c> the resolved email (null in state no_address, and for
/// addresses a company admin may not see), <c>state</c> pending, sent, failed or no_address.
/// </summary>
public sealed record AlertDeliveryResponse(
    string Recipient,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Address,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset? SentAt,
    string? ProviderMessageId)
{
    public static AlertDeliveryResponse From(AlertDeliveryView d) =>
        new(WireNames.Of(d.Recipient), d.Address, WireNames.Of(d.State), d.Attempts, d.LastError, d.SentAt, d.ProviderMessageId);
}

/// <summary>One row of GET /upsell (the columns of the CSV export, as JSON).</summary>
public sealed record UpsellItemResponse(
    Guid AlertId,
    string Kind,
    Guid? CompanyId,
    string? Company,
    string PoolType,
    Guid PoolId,
    string Pool,
    Guid? CampaignId,
    decimal UtilizationPercent,
    string? Band,
    DateTimeOffset CreatedAt,
    long AgeHours,
    string Status,
    string? Owner,
    string? Notes,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string Message,
    decimal UtilizationPercentAtAlert,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] decimal? LiveUtilizationPercent,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] DateOnly? ProjectedHardLimitAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] bool? RunsOutBeforeEnd,
    long RefusedLast30Days)
{
    /// <summary><c>utilizationPercent</c> (kept as it was) and <c>utilizationPercentAtAlert</c> are the historical figure; <c>liveUtilizationPercent</c> is now.</summary>
    public static UpsellItemResponse From(UpsellItemView u) => new(
        u.AlertId, WireNames.Of(u.Kind), u.CompanyId, u.CompanyName, WireNames.Of(u.PoolType), u.PoolId, u.PoolName, u.CampaignId,
        decimal.Round(u.UtilizationPercent, 2, MidpointRounding.AwayFromZero), u.Threshold, u.CreatedAt, (long)Math.Floor(u.Age.TotalHours),
        WireNames.Of(u.Status), u.Owner, u.Notes, u.UpdatedBy, u.UpdatedAt, u.Message,
        decimal.Round(u.UtilizationPercent, 2, MidpointRounding.AwayFromZero), u.LiveUtilizationPercent, u.ProjectedHardLimitAt, u.RunsOutBeforeEnd,
        u.RefusedLast30Days);
}

/// <summary>One band of GET / PUT /settings/alert-bands; <c>repeatWindow</c> as "hh:mm:ss" ("24:00:00" for a day).</summary>
public sealed record AlertBandResponse(
    string Threshold,
    decimal MinUtilizationPercent,
    string Severity,
    IReadOnlyList<string> Recipients,
    string Action,
    string RepeatWindow,
    bool IsHardLimit,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    public static AlertBandResponse From(AlertBandSettingView b) => new(
        b.Threshold, b.MinUtilizationPercent, WireNames.Of(b.Severity), b.Recipients.Select(WireNames.Of<AlertRecipients>).ToList(), WireNames.Of(b.Action),
        RepeatWindows.Format(b.RepeatWindow), b.IsHardLimit, b.UpdatedAt, b.UpdatedBy);
}

/// <summary>The contract writes repeat windows as total hours, minutes and seconds: "24:00:00", "01:00:00", "720:00:00".</summary>
public static class RepeatWindows
{
    public static string Format(TimeSpan window) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)window.TotalHours:00}:{window.Minutes:00}:{window.Seconds:00}");

    /// <summary>"24:00:00" (hours may exceed 23), "1.00:00:00" (days) or "00:30:00"; nothing looser (no bare numbers).</summary>
    public static bool TryParse(string? text, out TimeSpan window)
    {
        window = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return false;
        var parts = value.Split(':');
        if (parts.Length == 3 && !parts[0].Contains('.', StringComparison.Ordinal)
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && parts[1].Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes < 60
            && parts[2].Length == 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 60
            && hours <= 100_000)
        {
            window = new TimeSpan(hours, minutes, seconds);
            return true;
        }
        return TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out window) && value.Contains(':', StringComparison.Ordinal);
    }
}
