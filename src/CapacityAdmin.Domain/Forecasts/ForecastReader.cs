using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Forecasts of many pools at once, set-based: for a set of campaign (or bundle) rows it runs a fixed
/// number of grouped queries (the net usage change since each basis instant, grouped by that instant, and
/// the refusals of the last 30 days), never one query per pool. One pool is a set of one.
/// </summary>
internal static class ForecastReader
{
    public const int RefusedWindowDays = 30;

    /// <summary>The campaigns whose pools are forecast and scanned: those that can still consume or hold usage.</summary>
    public static readonly CampaignStatus[] LiveStatuses = [CampaignStatus.Recruiting, CampaignStatus.Active, CampaignStatus.Paused];

    public static async Task<List<Forecast>> ForCampaignsAsync(CapacityDbContext db, IReadOnlyList<Campaign> campaigns, DateTimeOffset now,
        CancellationToken ct)
    {
        if (campaigns.Count == 0) return [];
        var basis = campaigns.ToDictionary(c => c.Id, c =>
        {
            var start = ForecastPolicy.Start(c.StartDate, c.CreatedAt);
            return (Start: start, Instant: ForecastPolicy.BasisInstant(now, ForecastPolicy.BasisDays(now, start)));
        });
        var net = new Dictionary<Guid, long>();
        foreach (var group in campaigns.GroupBy(c => (Kind: CapacityKinds.Governing(c.PricingModel), basis[c.Id].Instant)))
            foreach (var (id, units) in await UsageChanges.NetAfterAsync(db, group.Key.Kind, group.Select(c => c.Id).ToList(), group.Key.Instant, ct))
                net[id] = units;
        var refused = await RefusedAsync(db, campaigns.Select(c => c.Id).ToList(), now, ct);

        return campaigns.Select(c =>
        {
            var kind = CapacityKinds.Governing(c.PricingModel);
            var m = c.MeasureOf(kind);
            var measure = AlertPool.MeasureOf(kind);
            var usedAtBasis = m.Used - net.GetValueOrDefault(c.Id);
            return Build(PoolType.Campaign, c.Id, c.CompanyId, c.Name, measure, now, basis[c.Id].Start, m, usedAtBasis, c.EndDate,
                refused.GetValueOrDefault((PoolType.Campaign, c.Id, measure)));
        }).ToList();
    }

    public static async Task<List<Forecast>> ForBundlesAsync(CapacityDbContext db, IReadOnlyList<Bundle> bundles, DateTimeOffset now,
        CancellationToken ct)
    {
        if (bundles.Count == 0) return [];
        var bundleIds = bundles.Select(b => b.Id).ToList();
        // A bundle's usage is its campaigns' volunteer enrollments, closed campaigns excepted (closing gives their places back).
        var members = (await db.Campaigns.AsNoTracking()
                .Where(c => c.BundleId != null && EF.Parameter(bundleIds).Contains(c.BundleId.Value) && c.Status != CampaignStatus.Closed)
                .Select(c => new { c.Id, BundleId = c.BundleId!.Value }).ToListAsync(ct))
            .ToLookup(c => c.BundleId, c => c.Id);
        var net = new Dictionary<Guid, long>();
        foreach (var group in bundles.GroupBy(b => ForecastPolicy.BasisInstant(now, ForecastPolicy.BasisDays(now, b.CreatedAt))))
        {
            var campaignIds = group.SelectMany(b => members[b.Id]).ToList();
            var perCampaign = await UsageChanges.NetAfterAsync(db, CapacityKind.Volunteers, campaignIds, group.Key, ct);
            foreach (var b in group) net[b.Id] = members[b.Id].Sum(id => perCampaign.GetValueOrDefault(id));
        }
        var refused = await RefusedAsync(db, bundleIds, now, ct);

        return bundles.Select(b =>
        {
            var m = new CapacityMeasure(b.VolunteersUsed, b.Capacity, b.Capacity);
            return Build(PoolType.Bundle, b.Id, b.CompanyId, b.Name, PoolMeasure.Volunteers, now, b.CreatedAt, m, m.Used - net.GetValueOrDefault(b.Id),
                null, refused.GetValueOrDefault((PoolType.Bundle, b.Id, PoolMeasure.Volunteers)));
        }).ToList();
    }

    /// <summary>Refusals of the last 30 UTC days (today included) per (pool type, pool, measure).</summary>
    public static async Task<Dictionary<(PoolType, Guid, PoolMeasure), long>> RefusedAsync(CapacityDbContext db, IReadOnlyCollection<Guid> poolIds,
        DateTimeOffset now, CancellationToken ct)
    {
        var ids = poolIds.ToList();
        var since = ForecastPolicy.Today(now).AddDays(1 - RefusedWindowDays);
        return (await db.PoolRefusalDays.AsNoTracking().Where(r => r.Day >= since && EF.Parameter(ids).Contains(r.PoolId))
                .GroupBy(r => new { r.PoolType, r.PoolId, r.Measure }).Select(g => new { g.Key, Sum = g.Sum(r => r.Refused) }).ToListAsync(ct))
            .ToDictionary(g => (g.Key.PoolType, g.Key.PoolId, g.Key.Measure), g => g.Sum);
    }

    private static Forecast Build(PoolType type, Guid id, Guid companyId, string name, PoolMeasure measure, DateTimeOffset now, DateTimeOffset start,
        CapacityMeasure m, long usedAtBasisUnits, DateOnly? endDate, long refused)
    {
        var p = ForecastPolicy.Project(now, start, m.ToWhole(m.Used), m.ToWhole(usedAtBasisUnits), m.ToWhole(m.Limit), m.ToWhole(m.HardLimit), endDate);
        return new Forecast(type, id, companyId, name, measure, now, m.ToWhole(m.Used), m.ToWhole(m.Limit), m.ToWhole(m.HardLimit),
            CapacityPolicy.RoundRatio(m.Utilization), p.BurnRatePerDay, p.BasisDays, p.ProjectedFullAt, p.ProjectedHardLimitAt, endDate,
            p.ProjectedUtilizationAtEnd, p.RunsOutBeforeEnd, refused, p.DaysToFull, p.DaysToHardLimit);
    }
}
