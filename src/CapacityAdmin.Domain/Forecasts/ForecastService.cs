using System.Runtime.CompilerServices;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Usage history, burn-rate forecasts and refused demand of campaigns (their governing figure) and
/// bundles, for the API, the dashboards, the upsell list, the alert scan and the emails. Every figure
/// comes from <see cref="ForecastPolicy"/> through <see cref="ForecastReader"/>, so no two screens can
/// disagree. Tenancy: a company-bound actor sees only its company; any other pool reads as not found.
/// <para>
/// History is derived, not snapshotted: usage at the end of each day is usage now minus the timestamped
/// changes after it (enrollments, releases, ledger rows), and the limit lines are the current limits with
/// the capacity-timeline changes undone. It is exact, needs no job, and covers the days before this
/// feature existed. See docs/forecasts.md.
/// </para>
/// </summary>
public sealed class ForecastService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    public const int DefaultHistoryDays = 90;
    public const int MaxHistoryDays = 366;
    private const int PageSize = 500;

    public async Task<Result<Forecast>> GetCampaignForecastAsync(Actor actor, Guid campaignId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || !actor.CanSeeCompany(campaign.CompanyId)) return CampaignNotFound(campaignId);
        return (await ForecastReader.ForCampaignsAsync(db, [campaign], clock.GetUtcNow(), ct))[0];
    }

    public async Task<Result<Forecast>> GetBundleForecastAsync(Actor actor, Guid bundleId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return BundleNotFound(bundleId);
        return (await ForecastReader.ForBundlesAsync(db, [bundle], clock.GetUtcNow(), ct))[0];
    }

    /// <summary>
    /// Forecasts of many pools at once (dashboards, lists), in a fixed number of queries. Pools that do not exist or that
    /// the actor cannot see are left out; the answer is keyed by pool.
    /// </summary>
    public async Task<IReadOnlyDictionary<PoolRef, Forecast>> GetForecastsAsync(Actor actor, IReadOnlyCollection<PoolRef> pools,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ForPoolsAsync(db, pools, clock.GetUtcNow(), ct))
            .Where(f => actor.CanSeeCompany(f.CompanyId))
            .ToDictionary(f => f.Pool);
    }

    /// <summary>
    /// Every live pool the actor sees (campaigns recruiting, active or paused; bundles not canceled), optionally of one
    /// company, ordered as the upsell list: runs out before its end first, then the earliest projected hard-limit date,
    /// then the highest live utilization. For the company admin's and CS's dashboards; <paramref name="max"/> caps the answer.
    /// </summary>
    public async Task<IReadOnlyList<Forecast>> ListForecastsAsync(Actor actor, Guid? companyId = null, int max = 500, CancellationToken ct = default)
    {
        var company = actor.CompanyId ?? companyId;
        if (companyId is { } asked && !actor.CanSeeCompany(asked)) return [];
        var all = new List<Forecast>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var page in PagesAsync(db, company, clock.GetUtcNow(), ct)) all.AddRange(page);
        return all.OrderBy(f => f, ForecastOrder.Upsell).Take(Math.Clamp(max, 1, 10_000)).ToList();
    }

    public async Task<Result<UsageHistory>> GetCampaignHistoryAsync(Actor actor, Guid campaignId, DateOnly? from = null, DateOnly? to = null,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var range = HistoryRange(from, to, now);
        if (!range.IsSuccess) return range.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || !actor.CanSeeCompany(campaign.CompanyId)) return CampaignNotFound(campaignId);

        var kind = CapacityKinds.Governing(campaign.PricingModel);
        var measure = campaign.MeasureOf(kind);
        var (first, last) = range.Value;
        var firstEnd = EndOf(first, now);
        var changes = await db.CapacityChanges.AsNoTracking()
            .Where(c => c.CampaignId == campaignId && c.ChangedAt > firstEnd && LimitTimeline.CampaignFields.Contains(c.Field))
            .Select(c => new LimitChange(c.ChangedAt, c.Field, c.OldValue)).ToListAsync(ct);
        var bundleCapacity = 0;
        if (campaign.PricingModel == PricingModel.Bundle && campaign.BundleId is { } bundleId)
        {
            bundleCapacity = await db.Bundles.Where(b => b.Id == bundleId).Select(b => b.Capacity).FirstAsync(ct);
            changes.AddRange(await BundleCapacityChangesAsync(db, bundleId, firstEnd, ct));
        }
        var limits = LimitTimeline.ForCampaign(campaign, bundleCapacity, changes);
        var points = await PointsAsync(db, PoolType.Campaign, campaignId, AlertPool.MeasureOf(kind), kind, [campaignId], measure, limits,
            first, last, now, ct);
        return new UsageHistory(PoolType.Campaign, campaignId, AlertPool.MeasureOf(kind), points);
    }

    public async Task<Result<UsageHistory>> GetBundleHistoryAsync(Actor actor, Guid bundleId, DateOnly? from = null, DateOnly? to = null,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var range = HistoryRange(from, to, now);
        if (!range.IsSuccess) return range.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return BundleNotFound(bundleId);

        var (first, last) = range.Value;
        var limits = LimitTimeline.ForBundle(bundle, await BundleCapacityChangesAsync(db, bundleId, EndOf(first, now), ct));
        var members = await db.Campaigns.AsNoTracking().Where(c => c.BundleId == bundleId && c.Status != CampaignStatus.Closed)
            .Select(c => c.Id).ToListAsync(ct);
        var measure = new CapacityMeasure(bundle.VolunteersUsed, bundle.Capacity, bundle.Capacity);
        var points = await PointsAsync(db, PoolType.Bundle, bundleId, PoolMeasure.Volunteers, CapacityKind.Volunteers, members, measure, limits,
            first, last, now, ct);
        return new UsageHistory(PoolType.Bundle, bundleId, PoolMeasure.Volunteers, points);
    }

    /// <summary>
    /// Forecasts of every live pool (optionally of one company), a page of campaigns or bundles at a time, keyset-paged by
    /// id: the threshold scan and <see cref="ListForecastsAsync"/> walk these.
    /// </summary>
    internal static async IAsyncEnumerable<IReadOnlyList<Forecast>> PagesAsync(CapacityDbContext db, Guid? companyId, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var query = db.Campaigns.AsNoTracking().Where(c => ForecastReader.LiveStatuses.Contains(c.Status));
            if (companyId is { } company) query = query.Where(c => c.CompanyId == company);
            if (after is { } a) query = query.Where(c => c.Id.CompareTo(a) > 0);
            var rows = await query.OrderBy(c => c.Id).Take(PageSize).ToListAsync(ct);
            if (rows.Count > 0) yield return await ForecastReader.ForCampaignsAsync(db, rows, now, ct);
            if (rows.Count < PageSize) break;
            after = rows[^1].Id;
        }
        after = null;
        while (true)
        {
            var query = db.Bundles.AsNoTracking().Where(b => b.Status != BundleSubscriptionStatus.Canceled);
            if (companyId is { } company) query = query.Where(b => b.CompanyId == company);
            if (after is { } a) query = query.Where(b => b.Id.CompareTo(a) > 0);
            var rows = await query.OrderBy(b => b.Id).Take(PageSize).ToListAsync(ct);
            if (rows.Count > 0) yield return await ForecastReader.ForBundlesAsync(db, rows, now, ct);
            if (rows.Count < PageSize) break;
            after = rows[^1].Id;
        }
    }

    internal static async Task<List<Forecast>> ForPoolsAsync(CapacityDbContext db, IReadOnlyCollection<PoolRef> pools, DateTimeOffset now,
        CancellationToken ct)
    {
        var campaignIds = pools.Where(p => p.PoolType == PoolType.Campaign).Select(p => p.PoolId).Distinct().ToList();
        var bundleIds = pools.Where(p => p.PoolType == PoolType.Bundle).Select(p => p.PoolId).Distinct().ToList();
        var forecasts = new List<Forecast>();
        foreach (var chunk in campaignIds.Chunk(PageSize))
        {
            var rows = await db.Campaigns.AsNoTracking().Where(c => EF.Parameter(chunk).Contains(c.Id)).ToListAsync(ct);
            forecasts.AddRange(await ForecastReader.ForCampaignsAsync(db, rows, now, ct));
        }
        foreach (var chunk in bundleIds.Chunk(PageSize))
        {
            var rows = await db.Bundles.AsNoTracking().Where(b => EF.Parameter(chunk).Contains(b.Id)).ToListAsync(ct);
            forecasts.AddRange(await ForecastReader.ForBundlesAsync(db, rows, now, ct));
        }
        return forecasts;
    }

    /// <summary>The days asked for: default the last 90 days to today; a later <c>to</c> stops at today; at most 366 days.</summary>
    internal static Result<(DateOnly From, DateOnly To)> HistoryRange(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var today = ForecastPolicy.Today(now);
        var last = to is { } t && t < today ? t : today;
        var first = from ?? last.AddDays(1 - DefaultHistoryDays);
        if (from is { } f && to is { } requestedTo && f > requestedTo) return DomainError.Validation("from", "from is on or before to.");
        if (first > last) return DomainError.Validation("from", "from lies in the future.");
        if (last.DayNumber - first.DayNumber + 1 > MaxHistoryDays) return DomainError.Validation("from", $"A history spans at most {MaxHistoryDays} days.");
        return (first, last);
    }

    /// <summary>
    /// One point per day, newest computed first: usage at the end of the last day is usage now minus the net change after
    /// it; each earlier day then undoes that day's changes. The changes in range are read once, as timestamps.
    /// </summary>
    private static async Task<List<UsagePoint>> PointsAsync(CapacityDbContext db, PoolType type, Guid poolId, PoolMeasure poolMeasure,
        CapacityKind kind, IReadOnlyCollection<Guid> campaignIds, CapacityMeasure measure, LimitTimeline limits, DateOnly first, DateOnly last,
        DateTimeOffset now, CancellationToken ct)
    {
        var lastEnd = EndOf(last, now);
        var afterLast = (await UsageChanges.NetAfterAsync(db, kind, campaignIds, lastEnd, ct)).Values.Sum();
        var events = (await UsageChanges.EventsAsync(db, kind, campaignIds, EndOf(first, now), lastEnd, ct))
            .OrderByDescending(e => e.At).ToList();
        var refused = await db.PoolRefusalDays.AsNoTracking()
            .Where(r => r.PoolType == type && r.PoolId == poolId && r.Measure == poolMeasure && r.Day >= first && r.Day <= last)
            .ToDictionaryAsync(r => r.Day, r => r.Refused, ct);

        var points = new List<UsagePoint>(last.DayNumber - first.DayNumber + 1);
        var used = measure.Used - afterLast;
        var next = 0;
        for (var day = last; day >= first; day = day.AddDays(-1))
        {
            var end = EndOf(day, now);
            while (next < events.Count && events[next].At > end) used -= events[next++].Units;
            var (limit, hard) = limits.At(end);
            points.Add(new UsagePoint(day, measure.ToWhole(Math.Max(0, used)), measure.ToWhole(limit), measure.ToWhole(hard),
                refused.GetValueOrDefault(day)));
        }
        points.Reverse();
        return points;
    }

    private static async Task<List<LimitChange>> BundleCapacityChangesAsync(CapacityDbContext db, Guid bundleId, DateTimeOffset after,
        CancellationToken ct) =>
        await db.CapacityChanges.AsNoTracking()
            .Where(c => c.BundleId == bundleId && c.ChangedAt > after && c.Field == LimitTimeline.BundleCapacityField)
            .Select(c => new LimitChange(c.ChangedAt, c.Field, c.OldValue)).ToListAsync(ct);

    /// <summary>The end of a UTC day (the next midnight), or now for today.</summary>
    private static DateTimeOffset EndOf(DateOnly day, DateTimeOffset now)
    {
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return end < now ? end : now;
    }

    private static DomainError CampaignNotFound(Guid id) => DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {id} was not found.");

    private static DomainError BundleNotFound(Guid id) => DomainError.NotFound(ErrorCodes.BundleNotFound, $"Bundle {id} was not found.");
}

/// <summary>The orders in which forecasts are listed.</summary>
public static class ForecastOrder
{
    /// <summary>Runs out before its end first, then the earliest projected hard-limit date (none last), then the highest live utilization.</summary>
    public static IComparer<Forecast> Upsell { get; } = Comparer<Forecast>.Create(Compare);

    public static int Compare(Forecast? x, Forecast? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        var byRunsOut = (y.RunsOutBeforeEnd == true).CompareTo(x.RunsOutBeforeEnd == true);
        if (byRunsOut != 0) return byRunsOut;
        var byDate = (x.ProjectedHardLimitAt?.DayNumber ?? int.MaxValue).CompareTo(y.ProjectedHardLimitAt?.DayNumber ?? int.MaxValue);
        return byDate != 0 ? byDate : y.Utilization.CompareTo(x.Utilization);
    }
}
