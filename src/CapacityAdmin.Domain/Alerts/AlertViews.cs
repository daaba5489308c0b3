using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>One delivery of an alert (api-v1.md "Alert".deliveries). <see cref="NextAttemptAt"/> only while pending.</summary>
public sealed record AlertDeliveryView(Guid Id, AlertRecipients Recipient, string? Address, DeliveryState State, int Attempts, string? LastError,
    DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? ProviderMessageId = null);

/// <summary>
/// An alert as the API and UI show it (api-v1.md "Alert"); <see cref="Common.WireNames"/> gives the
/// contract's lower-case names of the enums. <see cref="Status"/> is computed at read time.
/// </summary>
public sealed record AlertView(
    Guid Id,
    AlertKind Kind,
    PoolType PoolType,
    Guid PoolId,
    string PoolName,
    Guid? CompanyId,
    PoolMeasure Measure,
    string? Threshold,
    AlertSeverity Severity,
    AlertAction Action,
    decimal UtilizationPercent,
    decimal Used,
    decimal Limit,
    decimal HardLimit,
    string Message,
    IReadOnlyList<AlertRecipients> Recipients,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    AlertStatus Status,
    IReadOnlyList<AlertDeliveryView> Deliveries,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgeReason,
    DateTimeOffset? SnoozedUntil,
    string? SnoozedBy,
    string? SnoozeReason,
    UpsellStatus? UpsellStatus,
    string? UpsellOwner,
    string? UpsellNotes,
    string? UpsellUpdatedBy,
    DateTimeOffset? UpsellUpdatedAt);

/// <summary>
/// One row of the sales upsell list and its CSV export. <see cref="UtilizationPercent"/> is the figure when the alert was raised
/// (historical); <see cref="LiveUtilizationPercent"/> is today's, from the same calculation as the gauges (null for level caps).
/// </summary>
public sealed record UpsellItemView(
    Guid AlertId,
    AlertKind Kind,
    Guid? CompanyId,
    string? CompanyName,
    PoolType PoolType,
    Guid PoolId,
    string PoolName,
    Guid? CampaignId,
    decimal UtilizationPercent,
    string? Threshold,
    DateTimeOffset CreatedAt,
    TimeSpan Age,
    UpsellStatus Status,
    string? Owner,
    string? Notes,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string Message,
    decimal? LiveUtilizationPercent = null)
{
    // Live, from the pool's forecast (null / 0 for a level cap, which has no forecast).
    public DateOnly? ProjectedHardLimitAt { get; init; }
    public int? DaysToHardLimit { get; init; }
    public bool? RunsOutBeforeEnd { get; init; }
    public long RefusedLast30Days { get; init; }
    public decimal? BurnRatePerDay { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// The default order of the list: runs out before its end first, then the earliest projected hard-limit date (none last),
    /// then the highest live utilization, then the newest (then by id, so the order is stable).
    /// </summary>
    public static int CompareByForecast(UpsellItemView x, UpsellItemView y)
    {
        var c = (y.RunsOutBeforeEnd == true).CompareTo(x.RunsOutBeforeEnd == true);
        if (c == 0) c = (x.ProjectedHardLimitAt?.DayNumber ?? int.MaxValue).CompareTo(y.ProjectedHardLimitAt?.DayNumber ?? int.MaxValue);
        if (c == 0) c = (y.LiveUtilizationPercent ?? -1m).CompareTo(x.LiveUtilizationPercent ?? -1m);
        if (c == 0) c = y.CreatedAt.CompareTo(x.CreatedAt);
        return c != 0 ? c : x.AlertId.CompareTo(y.AlertId);
    }
}

internal static class AlertViews
{
    /// <summary>
    /// A company-bound viewer (a company admin) sees its own company's addresses only, and never the
    /// sales fields (owner, notes) of an upsell item.
    /// </summary>
    public static AlertView From(Alert a, Actor? viewer, DateTimeOffset now)
    {
        var internalView = viewer is null || !viewer.IsCompanyBound;
        var deliveries = a.Deliveries
            .OrderBy(d => d.Recipient).ThenBy(d => d.Address, StringComparer.OrdinalIgnoreCase)
            .Select(d =>
            {
                var visible = internalView || d.Recipient == AlertRecipients.CompanyAdmin;
                return new AlertDeliveryView(d.Id, d.Recipient, visible ? d.Address : null, d.State, d.Attempts, visible ? d.LastError : null, d.SentAt,
                    d.State == DeliveryState.Pending ? d.NextAttemptAt : null, visible ? d.ProviderMessageId : null);
            })
            .ToList();
        return new AlertView(a.Id, a.Kind, a.PoolType, a.PoolId, a.PoolName, a.CompanyId, a.Measure, a.Threshold, a.Severity, a.Action,
            a.UtilizationPercent, a.Used, a.Limit, a.HardLimit, a.Message, a.Recipients.Each().ToList(), a.CreatedAt, a.CreatedBy,
            a.StatusAt(now), deliveries, a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgeReason, a.SnoozedUntil, a.SnoozedBy, a.SnoozeReason,
            internalView ? a.UpsellStatus : null, internalView ? a.UpsellOwner : null, internalView ? a.UpsellNotes : null,
            internalView ? a.UpsellUpdatedBy : null, internalView ? a.UpsellUpdatedAt : null);
    }

    public static UpsellItemView Upsell(Alert a, string? companyName, DateTimeOffset now, decimal? live = null) =>
        new(a.Id, a.Kind, a.CompanyId, companyName, a.PoolType, a.PoolId, a.PoolName, a.PoolType == PoolType.Campaign ? a.PoolId : null,
            a.UtilizationPercent, a.Threshold, a.CreatedAt, now - a.CreatedAt, a.UpsellStatus ?? UpsellStatus.New, a.UpsellOwner, a.UpsellNotes,
            a.UpsellUpdatedBy, a.UpsellUpdatedAt, a.Message, live);

    /// <summary>The live forecast figures of the row's pool (the live utilization comes from the gauges' calculation already).</summary>
    public static UpsellItemView WithForecast(UpsellItemView v, Forecasts.Forecast? f) => f is null ? v : v with
    {
        ProjectedHardLimitAt = f.ProjectedHardLimitAt,
        DaysToHardLimit = f.DaysToHardLimit,
        RunsOutBeforeEnd = f.RunsOutBeforeEnd,
        RefusedLast30Days = f.RefusedLast30Days,
        BurnRatePerDay = f.BurnRatePerDay,
        EndDate = f.EndDate,
    };
}
