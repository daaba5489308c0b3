using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Forecasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>The early-warning <c>forecast</c> alert, raised by the threshold scan through the same database-enforced window as the bands.</summary>
public sealed partial class AlertEvaluator
{
    internal DateTimeOffset Now => clock.GetUtcNow();

    internal AlertOptions Options => options.Value;

    /// <summary>
    /// Raises a <see cref="AlertKind.Forecast"/> alert for each pool of a page of forecasts that
    /// <see cref="ForecastAlertPolicy.ShouldRaise"/> selects and whose forecast window (Alerts:ForecastRepeatWindow) is open.
    /// The windows of the page are read in one query; only pools whose window is open try the claim.
    /// </summary>
    internal async Task<int> RaiseForecastAlertsAsync(CapacityDbContext db, IReadOnlyList<Forecast> page, CancellationToken ct)
    {
        var (horizon, minBasis) = (options.Value.ForecastHorizonDays, options.Value.ForecastMinBasisDays);
        var due = page.Where(f => ForecastAlertPolicy.ShouldRaise(f, horizon, minBasis)).ToList();
        if (due.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.ForecastRepeatWindow;
        var windows = new Dictionary<(PoolType, Guid, PoolMeasure), (DateTimeOffset? LastRaisedAt, DateTimeOffset? SnoozedUntil)>();
        // Per pool type, so the read seeks the window key (pool type, pool id, ...) instead of scanning every window.
        foreach (var group in due.GroupBy(f => f.PoolType))
        {
            var (type, ids) = (group.Key, group.Select(f => f.PoolId).ToList());
            foreach (var w in await db.AlertWindows.AsNoTracking()
                         .Where(w => w.PoolType == type && EF.Parameter(ids).Contains(w.PoolId) && w.Threshold == ForecastAlertPolicy.WindowKey)
                         .Select(w => new { w.PoolId, w.Measure, w.LastRaisedAt, w.SnoozedUntil }).ToListAsync(ct))
                windows[(type, w.PoolId, w.Measure)] = (w.LastRaisedAt, w.SnoozedUntil);
        }

        var raised = 0;
        foreach (var forecast in due)
        {
            var pool = new AlertPool(forecast.PoolType, forecast.PoolId, forecast.CompanyId, forecast.PoolName, forecast.Measure, forecast.Used,
                forecast.Limit, forecast.HardLimit);
            if (!windows.TryGetValue((pool.PoolType, pool.PoolId, pool.Measure), out var window))
                await EnsureWindowAsync(db, pool, ForecastAlertPolicy.WindowKey, ct);
            else if (window.LastRaisedAt > cutoff || window.SnoozedUntil > now) continue;

            var alert = Alert.RaiseForecast(pool, forecast, now);
            if (!await StoreIfWindowOpenAsync(db, pool, ForecastAlertPolicy.WindowKey, cutoff, now, alert, ForecastAlertPolicy.Recipients, ct)) continue;
            raised++;
            logger.LogInformation("Forecast alert {AlertId} raised: {PoolType} {PoolId} projected at its hard limit on {Date}.", alert.Id,
                pool.PoolType, pool.PoolId, forecast.ProjectedHardLimitAt);
        }
        return raised;
    }
}
