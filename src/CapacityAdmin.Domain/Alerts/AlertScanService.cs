using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>What one scan looked at and raised.</summary>
public sealed record AlertScanResult(int Campaigns, int Bundles, int LevelCaps, int PoolsEvaluated, int AlertsRaised)
{
    /// <summary>The <c>forecast</c> alerts among <see cref="AlertsRaised"/>.</summary>
    public int ForecastAlertsRaised { get; init; }

    public override string ToString() =>
        $"{PoolsEvaluated} pools evaluated ({Campaigns} campaigns, {Bundles} bundles, {LevelCaps} level caps), {AlertsRaised} alerts raised " +
        $"({ForecastAlertsRaised} forecast)";
}

/// <summary>
/// The periodic scan (job <c>threshold-scan</c>): evaluates every pool against current usage, so
/// capacity edits, consumptions whose evaluation was lost (a crash right after the commit) and
/// level caps are caught. Safe on several servers at once: the repeat window is claimed in the
/// database (<see cref="AlertEvaluator"/>).
/// <list type="bullet">
/// <item>Campaigns in recruiting, active or paused (draft and planned hold no usage; completed and closed
/// are over): the governing limit, plus the volunteer target on credits and iaas campaigns.</item>
/// <item>Bundles that are not canceled.</item>
/// <item>Forecasts of the same campaigns and of those bundles: the early-warning <c>forecast</c> alert (<see cref="ForecastAlertPolicy"/>).</item>
/// <item>Level caps: unit rows and NATIONAL rows, and blanket rows once per unit that has seat holders
/// (units without holders are at 0 %), as the utilization report computes them.</item>
/// </list>
/// </summary>
public sealed class AlertScanService(IDbContextFactory<CapacityDbContext> contexts, AlertEvaluator evaluator, MembershipReportService membershipReport)
{
    private const int PageSize = 1000;

    /// <summary>The live campaigns, those the forecasts cover too (<see cref="ForecastReader.LiveStatuses"/>).</summary>
    private static readonly CampaignStatus[] ScannedStatuses = ForecastReader.LiveStatuses;

    public async Task<AlertScanResult> ScanAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bands = await AlertEvaluator.ReadBandsAsync(db, ct);
        var now = evaluator.Now;
        var minBasisDays = evaluator.Options.ForecastMinBasisDays;
        int campaigns = 0, bundles = 0, levelCaps = 0, pools = 0, raised = 0, forecastRaised = 0;

        // One walk of keyset pages (by id, never OFFSET, so each page costs the same however deep the scan is). Each page read
        // feeds both evaluations: its bands are decided in memory and its windows read in one query
        // (AlertEvaluator.EvaluatePageAsync); its forecasts, of the pools that could still be due a forecast alert
        // (ForecastAlertPolicy.MayRaise), come from a fixed number of grouped queries (ForecastReader).
        Guid? after = null;
        while (true)
        {
            var query = db.Campaigns.AsNoTracking().Where(c => ScannedStatuses.Contains(c.Status));
            if (after is { } last) query = query.Where(c => c.Id.CompareTo(last) > 0);
            var rows = await query.OrderBy(c => c.Id).Take(PageSize).ToListAsync(ct);
            if (rows.Count == 0) break;
            var page = rows.SelectMany(CampaignPools).ToList();
            campaigns += rows.Count;
            pools += page.Count;
            raised += await evaluator.EvaluatePageAsync(db, page, bands, ct);
            var due = rows.Where(c => ForecastAlertPolicy.MayRaise(c, now, minBasisDays)).ToList();
            forecastRaised += await evaluator.RaiseForecastAlertsAsync(db, await ForecastReader.ForCampaignsAsync(db, due, now, ct), ct);
            if (rows.Count < PageSize) break;
            after = rows[^1].Id;
        }

        after = null;
        while (true)
        {
            var query = db.Bundles.AsNoTracking().Where(b => b.Status != BundleSubscriptionStatus.Canceled);
            if (after is { } last) query = query.Where(b => b.Id.CompareTo(last) > 0);
            var rows = await query.OrderBy(b => b.Id).Take(PageSize).ToListAsync(ct);
            if (rows.Count == 0) break;
            bundles += rows.Count;
            pools += rows.Count;
            raised += await evaluator.EvaluatePageAsync(db, rows.Select(AlertPool.ForBundle).ToList(), bands, ct);
            var due = rows.Where(b => ForecastAlertPolicy.MayRaise(b, now, minBasisDays)).ToList();
            forecastRaised += await evaluator.RaiseForecastAlertsAsync(db, await ForecastReader.ForBundlesAsync(db, due, now, ct), ct);
            if (rows.Count < PageSize) break;
            after = rows[^1].Id;
        }
        raised += forecastRaised;

        var report = await membershipReport.GetUtilizationAsync(Actor.System, ct);
        if (!report.IsSuccess) throw new InvalidOperationException($"The level-cap report failed: {report.Error.Detail}");
        foreach (var chunk in report.Value.LevelCaps.Chunk(PageSize))
        {
            levelCaps += chunk.Length;
            pools += chunk.Length;
            raised += await evaluator.EvaluatePageAsync(db, chunk.Select(AlertPool.ForLevelCap).ToList(), bands, ct);
        }

        return new AlertScanResult(campaigns, bundles, levelCaps, pools, raised) { ForecastAlertsRaised = forecastRaised };
    }

    internal static IEnumerable<AlertPool> CampaignPools(Campaign campaign)
    {
        var governing = CapacityKinds.Governing(campaign.PricingModel);
        yield return AlertPool.ForCampaign(campaign, governing);
        if (governing != CapacityKind.Volunteers) yield return AlertPool.ForCampaign(campaign, CapacityKind.Volunteers);
    }
}
