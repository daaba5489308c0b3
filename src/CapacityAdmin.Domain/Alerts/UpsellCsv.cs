using System.Globalization;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>The CSV export of the upsell list, written by <see cref="CsvTable"/>.</summary>
public static class UpsellCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "alertId", "kind", "companyId", "company", "poolType", "poolId", "pool", "campaignId", "utilizationPercent", "band", "createdAt",
        "ageHours", "status", "owner", "notes", "updatedBy", "updatedAt", "message",
        // Live, from the pool's forecast (utilizationPercent above is the figure when the alert was raised).
        "liveUtilizationPercent", "projectedHardLimitAt", "runsOutBeforeEnd", "refusedLast30Days",
    ];

    /// <summary>The table written to <paramref name="output"/> as the rows arrive (GET /upsell.csv and the page's download).</summary>
    public static Task<long> WriteAsync(Stream output, IAsyncEnumerable<UpsellItemView> rows, CancellationToken ct = default) =>
        CsvTable.WriteAsync(output, Header, rows.Select(Row), ct);

    private static IReadOnlyList<object?> Row(UpsellItemView r) =>
    [
        r.AlertId, WireNames.Of(r.Kind), r.CompanyId, r.CompanyName, WireNames.Of(r.PoolType), r.PoolId,
        r.PoolName, r.CampaignId, r.UtilizationPercent.ToString("0.00", CultureInfo.InvariantCulture), r.Threshold,
        r.CreatedAt, Math.Floor(r.Age.TotalHours), WireNames.Of(r.Status), r.Owner, r.Notes, r.UpdatedBy, r.UpdatedAt, r.Message,
        r.LiveUtilizationPercent?.ToString("0.00", CultureInfo.InvariantCulture),
        r.ProjectedHardLimitAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.RunsOutBeforeEnd is { } runsOut ? (runsOut ? "true" : "false") : null,
        r.RefusedLast30Days.ToString(CultureInfo.InvariantCulture),
    ];
}
