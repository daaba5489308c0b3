using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>What one catch-up of the evaluation outbox did.</summary>
public sealed record AlertRequestCatchUpResult(int Requests, int PoolsEvaluated, int AlertsRaised);

/// <summary>
/// Evaluates pools against the threshold bands and raises at most one alert per pool: the highest
/// band reached, unless that (pool, band) is inside its repeat window or snoozed.
/// <para>
/// The window is enforced by the database. Each (pool, band) has an <see cref="AlertWindow"/> row,
/// inserted once when first needed (a racing duplicate insert fails on the primary key and is
/// ignored). Raising an alert is then one transaction: a single conditional
/// <c>UPDATE AlertWindows SET LastRaisedAt = now WHERE key AND (LastRaisedAt IS NULL OR LastRaisedAt
/// &lt;= now - window) AND (SnoozedUntil IS NULL OR SnoozedUntil &lt;= now)</c>, and the alert with its
/// deliveries is inserted only when exactly one row was affected. Two scanners, two servers or a
/// consumption racing a scan: the second UPDATE waits for the first transaction (row lock on
/// PostgreSQL, the write lock of BEGIN IMMEDIATE on SQLite), then finds the window closed and
/// affects 0 rows.
/// </para>
/// </summary>
public sealed partial class AlertEvaluator(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, IOptions<AlertOptions> options,
    ILogger<AlertEvaluator> logger, MembershipReportService membershipReport, AlertBandCache? bandCache = null)
{
    /// <summary>The bands the consumption paths use: the shared cache, or (without one) a cache of this instance.</summary>
    internal AlertBandCache Bands { get; } = bandCache ?? new AlertBandCache(clock);

    public Task<IReadOnlyList<AlertView>> EvaluateAsync(IReadOnlyList<PoolUsage> pools, CancellationToken ct = default) =>
        EvaluateAsync(pools.Select(AlertPool.From).ToList(), ct);

    /// <summary>Evaluates each pool; returns the alerts raised (none for pools below every band or inside their window).</summary>
    public async Task<IReadOnlyList<AlertView>> EvaluateAsync(IReadOnlyList<AlertPool> pools, CancellationToken ct = default)
    {
        if (pools.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bands = await Bands.GetAsync(db, ct);
        var raised = new List<AlertView>();
        foreach (var pool in pools)
            if (await EvaluateOneAsync(db, pool, bands, ct) is { } alert) raised.Add(alert);
        return raised;
    }

    /// <summary>
    /// Evaluation right after a committed consumption, then removal of the outbox rows
    /// (<see cref="AlertEvaluationRequest"/>) the consumption committed. The consumption stands
    /// whatever happens here, so a failure is logged and yields no alerts instead of turning a success
    /// into an error (the caller might retry and consume twice); the rows then stay and
    /// <see cref="ProcessPendingRequestsAsync"/> evaluates them within one dispatch run.
    /// </summary>
    internal async Task<IReadOnlyList<AlertView>> EvaluateAfterConsumptionAsync(IReadOnlyList<PoolUsage> pools,
        IReadOnlyCollection<AlertEvaluationRequest> requests, CancellationToken ct)
    {
        IReadOnlyList<AlertView> raised = [];
        if (pools.Count > 0)
        {
            try
            {
                raised = await EvaluateAsync(pools, ct);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Alert evaluation after a consumption failed for pools {Pools}; the pending-request catch-up will retry.",
                    string.Join(", ", pools.Select(p => $"{p.PoolType}:{p.PoolId}")));
                return [];
            }
        }
        await DeleteRequestsAsync(requests.Select(r => r.Id).ToList(), ct);
        return raised;
    }

    /// <summary>
    /// Evaluation right after a committed seat operation (membership join, reactivation, reassignment,
    /// payment that re-took a seat) of the pools its outbox rows name (<see cref="PoolType.LevelCapacity"/>
    /// rows: the level-cap row id), against current usage, exactly as the catch-up would; then removal
    /// of those rows. Like <see cref="EvaluateAfterConsumptionAsync"/>, a failure is logged and yields
    /// no alerts (the seat stands), and the rows stay for <see cref="ProcessPendingRequestsAsync"/>.
    /// </summary>
    internal async Task<IReadOnlyList<AlertView>> EvaluateRequestsAfterCommitAsync(IReadOnlyCollection<AlertEvaluationRequest> requests,
        CancellationToken ct)
    {
        if (requests.Count == 0) return [];
        var raised = new List<AlertView>();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var bands = await Bands.GetAsync(db, ct);
            foreach (var key in requests.Select(r => (r.PoolType, r.PoolId)).Distinct())
            foreach (var pool in await PoolsOfAsync(db, key.PoolType, key.PoolId, ct))
                if (await EvaluateOneAsync(db, pool, bands, ct) is { } alert) raised.Add(alert);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Alert evaluation after a seat operation failed for pools {Pools}; the pending-request catch-up will retry.",
                string.Join(", ", requests.Select(r => $"{r.PoolType}:{r.PoolId}")));
            return [];
        }
        await DeleteRequestsAsync(requests.Select(r => r.Id).ToList(), ct);
        return raised;
    }

    /// <summary>A consumption's result with the alerts its pools raise; a replay (<c>existing</c>) counted nothing and is not evaluated.</summary>
    /// <remarks>
    /// An accepted consumption is evaluated only in the pools it pushed into a higher band
    /// (<see cref="Campaigns.ConsumptionResult.CrossedPools"/>); a refusal in every pool it concerned, against current usage.
    /// </remarks>
    internal async Task<Campaigns.ConsumptionResult> WithAlertsAsync(Campaigns.ConsumptionResult result, CancellationToken ct)
    {
        if (result.Existing) return result;
        var pools = result.Allowed ? result.CrossedPools : MayRaise(result.Pools);
        return pools.Count == 0 && result.AlertRequests.Count == 0
            ? result
            : result with { Alerts = await EvaluateAfterConsumptionAsync(pools, result.AlertRequests, ct) };
    }

    /// <summary>
    /// The pools of a refusal that an evaluation could raise an alert in: those reaching a band whose window is
    /// not known closed (<see cref="AlertBandCache.IsKnownClosed"/>). Without fresh bands in the cache, all of them.
    /// </summary>
    private IReadOnlyList<PoolUsage> MayRaise(IReadOnlyList<PoolUsage> pools)
    {
        if (Bands.Current is not { } bands) return pools;
        List<PoolUsage>? open = null;
        foreach (var usage in pools)
        {
            var pool = AlertPool.From(usage);
            if (AlertPolicy.HighestBand(pool.Used, pool.Limit, pool.HardLimit, bands) is { } band && !Bands.IsKnownClosed(pool, band.Threshold))
                (open ??= []).Add(usage);
        }
        return open ?? (IReadOnlyList<PoolUsage>)[];
    }

    /// <summary>
    /// The catch-up of the evaluation outbox (called at the start of each <c>alert-dispatch</c> run):
    /// evaluates the pools of requests older than <paramref name="olderThan"/> (left behind by a
    /// process that died, or an evaluation that failed, after its consumption committed) against
    /// current usage, then deletes those requests. Safe on several servers at once: the repeat window
    /// lets one alert through, and deleting a row twice deletes nothing the second time.
    /// A pool whose evaluation fails keeps its rows for the next run.
    /// </summary>
    public async Task<AlertRequestCatchUpResult> ProcessPendingRequestsAsync(TimeSpan olderThan, int batchSize = 500, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - olderThan;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var requests = await db.AlertEvaluationRequests.AsNoTracking().Where(r => r.CreatedAt <= cutoff)
            .OrderBy(r => r.CreatedAt).Take(batchSize).ToListAsync(ct);
        if (requests.Count == 0) return new AlertRequestCatchUpResult(0, 0, 0);
        var bands = await ReadBandsAsync(db, ct);
        int pools = 0, raised = 0;
        foreach (var group in requests.GroupBy(r => (r.PoolType, r.PoolId)))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                foreach (var pool in await PoolsOfAsync(db, group.Key.PoolType, group.Key.PoolId, ct))
                    if (await EvaluateOneAsync(db, pool, bands, ct) is not null) raised++;
                pools++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Catch-up alert evaluation failed for {PoolType} {PoolId}; its requests stay for the next run.",
                    group.Key.PoolType, group.Key.PoolId);
                continue;
            }
            var ids = group.Select(r => r.Id).ToList();
            await db.AlertEvaluationRequests.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
        if (raised > 0) logger.LogWarning("Alert evaluation catch-up raised {Count} alerts missed after their consumptions.", raised);
        return new AlertRequestCatchUpResult(requests.Count, pools, raised);
    }

    /// <summary>
    /// The pools of a requested campaign (governing limit and volunteer target), bundle, or level cap
    /// (a unit or NATIONAL row, by row id, built as the scan builds it: <see cref="AlertPool.ForLevelCap"/>,
    /// whose pool id is derived from cell, level and unit), as they stand; none if it is gone (or is a
    /// blanket row, which the scan covers per unit).
    /// </summary>
    private async Task<IReadOnlyList<AlertPool>> PoolsOfAsync(CapacityDbContext db, PoolType type, Guid id, CancellationToken ct)
    {
        switch (type)
        {
            case PoolType.Campaign:
                var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
                return campaign is null ? [] : AlertScanService.CampaignPools(campaign).ToList();
            case PoolType.Bundle:
                var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
                return bundle is null ? [] : [AlertPool.ForBundle(bundle)];
            case PoolType.LevelCapacity:
                var cap = await membershipReport.GetLevelCapAsync(db, id, ct);
                return cap is null ? [] : [AlertPool.ForLevelCap(cap)];
            default:
                return [];
        }
    }

    /// <summary>Deletes evaluated outbox rows; a failure only leaves them to the catch-up, which re-evaluates harmlessly.</summary>
    private async Task DeleteRequestsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.AlertEvaluationRequests.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not delete {Count} evaluated alert requests; the catch-up will re-evaluate them.", ids.Count);
        }
    }

    internal static async Task<IReadOnlyList<AlertBand>> ReadBandsAsync(CapacityDbContext db, CancellationToken ct) =>
        (await db.AlertBandSettings.AsNoTracking().ToListAsync(ct)).Select(s => s.ToBand()).ToList();

    internal async Task<AlertView?> EvaluateOneAsync(CapacityDbContext db, AlertPool pool, IReadOnlyList<AlertBand> bands, CancellationToken ct)
    {
        var band = AlertPolicy.HighestBand(pool.Used, pool.Limit, pool.HardLimit, bands);
        if (band is null) return null;
        var (type, id, measure, threshold) = (pool.PoolType, pool.PoolId, pool.Measure, band.Threshold);

        // A cheap read first: a busy pool is mostly inside its window and needs no write at all.
        var window = await db.AlertWindows.AsNoTracking()
            .Where(w => w.PoolType == type && w.PoolId == id && w.Measure == measure && w.Threshold == threshold)
            .Select(w => new WindowState(w.PoolType, w.PoolId, w.Measure, w.Threshold, w.LastRaisedAt, w.SnoozedUntil))
            .FirstOrDefaultAsync(ct);
        return await RaiseUnlessClosedAsync(db, pool, band, window, ct);
    }

    /// <summary>
    /// The scan's evaluation of one page of pools: the bands are decided in memory, the windows of every pool that reached one
    /// are read in one query, and only pools whose window is open (or missing) go on to the claim, one conditional UPDATE each,
    /// exactly as <see cref="EvaluateOneAsync"/> does. Returns the number of alerts raised.
    /// </summary>
    internal async Task<int> EvaluatePageAsync(CapacityDbContext db, IReadOnlyList<AlertPool> pools, IReadOnlyList<AlertBand> bands, CancellationToken ct)
    {
        var reached = new List<(AlertPool Pool, AlertBand Band)>();
        foreach (var pool in pools)
            if (AlertPolicy.HighestBand(pool.Used, pool.Limit, pool.HardLimit, bands) is { } band) reached.Add((pool, band));
        if (reached.Count == 0) return 0;

        var raised = 0;
        foreach (var group in reached.GroupBy(r => r.Pool.PoolType))
        {
            var type = group.Key;
            var ids = group.Select(r => r.Pool.PoolId).Distinct().ToList();
            var windows = (await db.AlertWindows.AsNoTracking()
                    .Where(w => w.PoolType == type && EF.Parameter(ids).Contains(w.PoolId))
                    .Select(w => new WindowState(w.PoolType, w.PoolId, w.Measure, w.Threshold, w.LastRaisedAt, w.SnoozedUntil))
                    .ToListAsync(ct))
                .ToDictionary(w => (w.PoolId, w.Measure, w.Threshold));
            foreach (var (pool, band) in group)
                if (await RaiseUnlessClosedAsync(db, pool, band, windows.GetValueOrDefault((pool.PoolId, pool.Measure, band.Threshold)), ct) is not null)
                    raised++;
        }
        return raised;
    }

    /// <summary>The window as last read; the claim re-checks it in the database.</summary>
    private sealed record WindowState(PoolType PoolType, Guid PoolId, PoolMeasure Measure, string Threshold, DateTimeOffset? LastRaisedAt,
        DateTimeOffset? SnoozedUntil);

    private async Task<AlertView?> RaiseUnlessClosedAsync(CapacityDbContext db, AlertPool pool, AlertBand band, WindowState? window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - band.RepeatWindow;
        var threshold = band.Threshold;
        if (window is null) await EnsureWindowAsync(db, pool, threshold, ct);
        else if (window.LastRaisedAt > cutoff || window.SnoozedUntil > now)
        {
            Bands.RememberClosed(pool, threshold, Max(window.LastRaisedAt + band.RepeatWindow, window.SnoozedUntil));
            return null;
        }

        var alert = Alert.Raise(pool, band, now);
        if (!await StoreIfWindowOpenAsync(db, pool, threshold, cutoff, now, alert, band.Recipients, ct)) return null;
        Bands.RememberClosed(pool, threshold, now + band.RepeatWindow);
        logger.LogInformation("Alert {AlertId} raised: {PoolType} {PoolId} reached {Threshold} ({Percent}%).", alert.Id, pool.PoolType, pool.PoolId,
            band.Threshold, alert.UtilizationPercent);
        return AlertViews.From(alert, null, now);
    }

    /// <summary>
    /// The database-enforced window: claims the (pool, threshold) window with one conditional UPDATE and stores the alert with its
    /// deliveries in the same transaction, only when exactly one row was claimed. The window row must exist.
    /// </summary>
    private async Task<bool> StoreIfWindowOpenAsync(CapacityDbContext db, AlertPool pool, string threshold, DateTimeOffset cutoff,
        DateTimeOffset now, Alert alert, AlertRecipients roles, CancellationToken ct)
    {
        var (type, id, measure) = (pool.PoolType, pool.PoolId, pool.Measure);
        // Resolved before the claim: the read needs no lock, and the claim's transaction holds one.
        var recipients = await AlertRecipientResolver.ResolveAsync(db, roles, pool.CompanyId, options.Value.SalesMailbox, now, ct);
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        var claimed = await db.AlertWindows
            .Where(w => w.PoolType == type && w.PoolId == id && w.Measure == measure && w.Threshold == threshold
                && (w.LastRaisedAt == null || w.LastRaisedAt <= cutoff)
                && (w.SnoozedUntil == null || w.SnoozedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastRaisedAt, now).SetProperty(w => w.LastAlertId, alert.Id), ct);
        if (claimed != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        alert.AddDeliveries(recipients, now);
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b ?? DateTimeOffset.MinValue : b is null || a > b ? a.Value : b.Value;

    /// <summary>Insert-if-missing in its own statement: a racing twin fails on the key, which is fine.</summary>
    private static async Task EnsureWindowAsync(CapacityDbContext db, AlertPool pool, string threshold, CancellationToken ct)
    {
        db.AlertWindows.Add(new AlertWindow(pool.PoolType, pool.PoolId, pool.Measure, threshold));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another evaluation created it first; the claim below decides between us.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
