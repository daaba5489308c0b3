using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Dashboards;

/// <summary>
/// The figures of each role's landing page. Utilization is never computed here: campaigns come through
/// <see cref="CapacityStatus.From"/>, bundles through <see cref="BundleService"/>, level caps through
/// <see cref="MembershipReportService"/> and alerts through <see cref="AlertService"/>, so a dashboard shows the same
/// live percentage as the list, the detail page and the upsell list. Tenancy comes with the actor.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<CapacityDbContext> contexts,
    BundleService bundles,
    AlertService alerts,
    MembershipReportService memberships,
    TimeProvider clock)
{
    /// <summary>The attention queue's threshold: pools at 90 % or more.</summary>
    public const int AttentionPercent = 90;

    public const int ListSize = 10;

    /// <summary>Pools of each kind the attention queue lists (the fullest); its counts cover all of them.</summary>
    public const int AttentionListSize = 50;

    /// <summary>Campaigns read whole, the fullest by their governing limit, for the exact ranking of the attention list: a wide margin over the list.</summary>
    private const int AttentionCandidates = 200;

    /// <summary>Upsell candidates read per kind of pool for the sales ranking: a wide margin over <see cref="ListSize"/>.</summary>
    private const int UpsellCandidates = 100;

    public async Task<Result<CompanyAdminDashboard>> GetCompanyAdminAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.CompanyId is not { } companyId) return DomainError.Forbidden("Only a company admin has a company dashboard.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var companyName = await db.Companies.AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var campaigns = (await db.Campaigns.AsNoTracking().Where(c => c.CompanyId == companyId && c.Status != CampaignStatus.Closed).ToListAsync(ct))
            .Select(CapacityStatus.From)
            .OrderByDescending(s => s.OverallUtilization).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var ownBundles = (await bundles.ListAsync(actor, companyId, ct))
            .OrderByDescending(b => b.Pool.Utilization).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var recent = await alerts.ListAsync(actor, new AlertQuery(Kind: AlertKind.Threshold), new PageRequest(1, ListSize), ct);
        if (!recent.IsSuccess) return recent.Error;
        var requests = await alerts.ListAsync(actor, new AlertQuery(Kind: AlertKind.CapacityRequest), new PageRequest(1, ListSize), ct);
        if (!requests.IsSuccess) return requests.Error;
        return new CompanyAdminDashboard(companyName, campaigns, ownBundles, recent.Value.Items, requests.Value.Items);
    }

    public async Task<Result<AttentionQueue>> GetAttentionQueueAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.HandleAlerts, "work the attention queue") is { } denied) return denied;
        // The independent reads start together, each on its own context (readers run side by side on SQLite in WAL and on
        // PostgreSQL).
        var bundleTask = bundles.ListNearFullAsync(actor, AttentionPercent, ct);
        var reportTask = memberships.GetUtilizationAsync(actor, ct);
        var openTask = alerts.ListAsync(actor, new AlertQuery(Status: AlertStatus.New, Kind: AlertKind.Threshold), new PageRequest(1, ListSize), ct);
        var requestsTask = alerts.ListAsync(actor, new AlertQuery(Status: AlertStatus.New, Kind: AlertKind.CapacityRequest), new PageRequest(1, ListSize), ct);
        var campaignTask = HotCampaignsAsync(ct);
        await Task.WhenAll(bundleTask, reportTask, openTask, requestsTask, campaignTask);

        var (campaigns, campaignCount, overCount) = campaignTask.Result;
        var hotBundles = bundleTask.Result
            .Where(b => b.Status == BundleSubscriptionStatus.Active && IsHot(b.Pool))
            .OrderByDescending(b => b.Pool.Utilization).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var companyIds = hotBundles.Take(AttentionListSize).Select(b => b.CompanyId).Distinct().ToList();
        Dictionary<Guid, string> companyNames;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            companyNames = await db.Companies.AsNoTracking().Where(c => EF.Parameter(companyIds).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var report = reportTask.Result;
        var caps = report.IsSuccess
            ? report.Value.LevelCaps.Where(c => c.UtilizationPercent >= AttentionPercent).OrderByDescending(c => c.UtilizationPercent).ToList()
            : [];

        var open = openTask.Result;
        if (!open.IsSuccess) return open.Error;
        var requests = requestsTask.Result;
        if (!requests.IsSuccess) return requests.Error;
        return new AttentionQueue(campaigns, hotBundles.Take(AttentionListSize).Select(b => new AttentionBundle(b, companyNames.GetValueOrDefault(b.CompanyId, ""))).ToList(),
            caps.Take(AttentionListSize).ToList(), open.Value.Items, open.Value.Total, requests.Value.Items, requests.Value.Total,
            campaignCount, overCount, hotBundles.Count, caps.Count);
    }

    /// <summary>
    /// The campaigns of the attention queue: at or above <see cref="AttentionPercent"/> of the governing limit, compared in exact
    /// integers (credits in cents) as <c>100 x used &gt;= 90 x limit</c>, no ratio computed, narrow (no join), the same used and
    /// limit as the campaign list's band filter.
    /// </summary>
    private static IQueryable<HotCampaign> HotCampaigns(CapacityDbContext db) => db.Campaigns.AsNoTracking()
        .Where(c => c.Status != CampaignStatus.Closed && c.Status != CampaignStatus.Completed)
        .Select(c => new HotCampaign
        {
            Id = c.Id,
            Name = c.Name,
            Used = c.PricingModel == PricingModel.Credits ? c.CreditsConsumedCents
                : c.PricingModel == PricingModel.Iaas ? (long)c.LearnersEnrolled : (long)c.VolunteersEnrolled,
            Limit = c.PricingModel == PricingModel.Credits ? (c.CreditAllocationCents ?? 0L)
                : c.PricingModel == PricingModel.Iaas ? (long)(c.LearnersCommitted ?? 0) : (long)c.VolunteerLimit,
        })
        .Where(x => x.Limit > 0 ? 100 * x.Used >= AttentionPercent * x.Limit : x.Used > 0);

    /// <summary>
    /// The hot campaigns in one pass, streamed narrow: counted (all, and over their limit: the list's overage band) and the
    /// <see cref="AttentionCandidates"/> fullest kept in a bounded heap (exact ratio, then name, as the list ranks them), so
    /// memory holds the candidates whatever the number of campaigns; only those are then read whole, with their company, and
    /// ranked exactly (<see cref="CapacityStatus"/>).
    /// </summary>
    private async Task<(List<AttentionCampaign> Fullest, int All, int Over)> HotCampaignsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var fullest = new PriorityQueue<HotCampaign, HotCampaign>(AttentionCandidates + 1, HotCampaign.EmptiestFirst);
        int all = 0, over = 0;
        await foreach (var hot in HotCampaigns(db).AsAsyncEnumerable().WithCancellation(ct))
        {
            all++;
            if (hot.Used > hot.Limit) over++;
            if (fullest.Count < AttentionCandidates) fullest.Enqueue(hot, hot);
            else if (HotCampaign.EmptiestFirst.Compare(hot, fullest.Peek()) > 0) fullest.DequeueEnqueue(hot, hot);
        }
        var ids = fullest.UnorderedItems.Select(x => x.Element.Id).ToList();
        var rows = await db.Campaigns.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new { Campaign = c, CompanyName = c.Company!.Name }).ToListAsync(ct);
        var ranked = rows.Select(x => new AttentionCampaign(CapacityStatus.From(x.Campaign), x.CompanyName))
            .OrderByDescending(c => c.Status.OverallUtilization).ThenBy(c => c.Status.Name, StringComparer.OrdinalIgnoreCase)
            .Take(AttentionListSize).ToList();
        return (ranked, all, over);
    }

    private sealed class HotCampaign
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public long Used { get; init; }
        public long Limit { get; init; }

        private decimal Ratio => Limit > 0 ? (decimal)Used / Limit : Used;

        /// <summary>The least full first (then the name last in the list's order): the heap's top is the candidate to drop.</summary>
        public static readonly IComparer<HotCampaign> EmptiestFirst = Comparer<HotCampaign>.Create((x, y) =>
        {
            var c = x.Ratio.CompareTo(y.Ratio);
            return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(y.Name, x.Name);
        });
    }

    public async Task<Result<SalesDashboard>> GetSalesAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.WorkUpsell, "read the upsell pipeline") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Alerts.AsNoTracking().Where(a => a.UpsellStatus != null)
            .GroupBy(a => a.UpsellStatus!.Value).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var pipeline = Enum.GetValues<UpsellStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);

        // Open items (new or contacted), ranked by their pool's utilization now, not when the alert was raised. The candidates
        // come ranked from SQL (a bounded number whatever the size of the pipeline); the exact ranking below decides.
        var open = await alerts.OpenUpsellCandidatesAsync(UpsellCandidates, ct);
        var live = await LiveUtilizationAsync(db, actor, open, ct);
        var ranked = open
            .Select(i => live.TryGetValue(i.PoolId, out var l) ? new RankedUpsellItem(i, l.Percent, l.Band) : new RankedUpsellItem(i, null, null))
            .OrderByDescending(r => r.LiveUtilizationPercent ?? r.Item.UtilizationPercent).ThenBy(r => r.Item.CreatedAt)
            .Take(ListSize)
            .ToList();
        return new SalesDashboard(pipeline, ranked);
    }

    public async Task<Result<AdministratorDashboard>> GetAdministratorAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "see the administration dashboard") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var troubled = db.AlertDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Failed || (d.State == DeliveryState.Pending && d.Attempts > 0));
        var failed = await troubled.CountAsync(d => d.State == DeliveryState.Failed, ct);
        var retrying = await troubled.CountAsync(d => d.State == DeliveryState.Pending, ct);
        var rows = await (from d in troubled
                          join a in db.Alerts on d.AlertId equals a.Id
                          orderby d.CreatedAt descending
                          select new TroubledDelivery(a.Id, a.PoolName, d.Recipient, d.Address, d.State, d.Attempts, d.LastError, d.NextAttemptAt))
            .Take(ListSize).ToListAsync(ct);

        var revokedAfter = clock.GetUtcNow().AddYears(50);
        var users = await db.Users.AsNoTracking().CountAsync(ct);
        // Compared in memory: SQLite cannot order DateTimeOffset columns in SQL.
        var lockouts = await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct);
        var mustChange = await db.Users.AsNoTracking().CountAsync(u => u.MustChangePassword, ct);
        var activeKeys = await db.ApiKeys.AsNoTracking().CountAsync(k => k.RevokedAt == null, ct);
        var revokedKeys = await db.ApiKeys.AsNoTracking().CountAsync(k => k.RevokedAt != null, ct);
        return new AdministratorDashboard(rows, failed, retrying, users, lockouts.Count(l => l > revokedAfter), mustChange, activeKeys, revokedKeys);
    }

    private static bool IsHot(PoolUsage pool) => pool.Limit > 0 ? pool.Utilization * 100m >= AttentionPercent : pool.Used > 0;

    /// <summary>The live utilization of the campaigns and bundles behind upsell items, by pool id.</summary>
    private async Task<Dictionary<Guid, (decimal Percent, CapacityBand Band)>> LiveUtilizationAsync(CapacityDbContext db, Actor actor,
        IReadOnlyList<UpsellItemView> items, CancellationToken ct)
    {
        var campaignIds = items.Where(i => i.PoolType == PoolType.Campaign).Select(i => i.PoolId).Distinct().ToList();
        var result = (await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToListAsync(ct))
            .Select(CapacityStatus.From)
            .ToDictionary(s => s.CampaignId, s => (CapacityPolicy.Percent(s.OverallUtilization), s.Band));
        var bundleIds = items.Where(i => i.PoolType == PoolType.Bundle).Select(i => i.PoolId).ToHashSet();
        if (bundleIds.Count > 0)
        {
            foreach (var b in await bundles.ListByIdsAsync(actor, bundleIds, ct))
                result[b.BundleId] = (CapacityPolicy.Percent(b.Pool.Utilization), b.Pool.Band);
        }
        return result;
    }
}
