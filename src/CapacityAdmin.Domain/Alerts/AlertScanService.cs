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
    private const int PageSize = 500;

    private static readonly CampaignStatus[] ScannedStatuses = [CampaignStatus.Recruiting, CampaignStatus.Active, CampaignStatus.Paused];

    public async Task<AlertScanResult> ScanAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bands = await AlertEvaluator.ReadBandsAsync(db, ct);
        int campaigns = 0, bundles = 0, levelCaps = 0, pools = 0, raised = 0;

        for (var page = 0; ; page++)
        {
            var rows = await db.Campaigns.AsNoTracking().Where(c => ScannedStatuses.Contains(c.Status))
                .OrderBy(c => c.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(ct);
            foreach (var campaign in rows)
            {
                campaigns++;
                foreach (var pool in CampaignPools(campaign))
                {
                    pools++;
                    if (await evaluator.EvaluateOneAsync(db, pool, bands, ct) is not null) raised++;
                }
            }
            if (rows.Count < PageSize) break;
        }

        for (var page = 0; ; page++)
        {
            var rows = await db.Bundles.AsNoTracking().Where(b => b.Status != BundleSubscriptionStatus.Canceled)
                .OrderBy(b => b.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(ct);
            foreach (var bundle in rows)
            {
                bundles++;
                pools++;
                if (await evaluator.EvaluateOneAsync(db, AlertPool.ForBundle(bundle), bands, ct) is not null) raised++;
            }
            if (rows.Count < PageSize) break;
        }

        // Forecasts of every campaign and bundle, a keyset page at a time, each page in a fixed number of grouped queries.
        var forecastRaised = 0;
        await foreach (var page in ForecastService.PagesAsync(db, null, evaluator.Now, ct))
            forecastRaised += await evaluator.RaiseForecastAlertsAsync(db, page, ct);
        raised += forecastRaised;

        var report = await membershipReport.GetUtilizationAsync(Actor.System, ct);
        if (!report.IsSuccess) throw new InvalidOperationException($"The level-cap report failed: {report.Error.Detail}");
        foreach (var cap in report.Value.LevelCaps)
        {
            levelCaps++;
            pools++;
            if (await evaluator.EvaluateOneAsync(db, AlertPool.ForLevelCap(cap), bands, ct) is not null) raised++;
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
