using System.Linq.Expressions;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// Filters of GET /alerts. <see cref="Threshold"/> is the <c>band</c> parameter ("80%" or "80").
/// </summary>
public sealed record AlertQuery(string? Threshold = null, AlertSeverity? Severity = null, Guid? CompanyId = null, AlertStatus? Status = null,
    AlertKind? Kind = null, PoolType? PoolType = null, Guid? PoolId = null, string? Search = null, AlertSort Sort = AlertSort.CreatedAt,
    bool Descending = true);

/// <summary>Sort keys of the alert inbox (all run in SQL).</summary>
public enum AlertSort
{
    CreatedAt,
    Pool,
    Company,
    Severity,
    Utilization,
    Band,
}

/// <summary>
/// Sort keys of the upsell list. All but <see cref="Forecast"/> run in SQL; Utilization is the figure at alert time.
/// <see cref="Forecast"/> (the default): runs out before its end first, then the earliest projected hard-limit date, then the
/// highest live utilization (<see cref="UpsellItemView.CompareByForecast"/>), computed in memory.
/// </summary>
public enum UpsellSort
{
    CreatedAt,
    Pool,
    Company,
    Utilization,
    Status,
    Owner,
    Forecast,
}

/// <summary>PATCH /alerts/{id}/upsell: null leaves a field as it is; an empty owner or notes clears it.</summary>
public sealed record UpsellUpdate(UpsellStatus? Status = null, string? Owner = null, string? Notes = null);

/// <summary>
/// Filters of the sales upsell list. <see cref="Owner"/> matches as "contains", ignoring case; <see cref="Search"/>
/// matches the pool's, the company's or the owner's name the same way.
/// </summary>
public sealed record UpsellQuery(UpsellStatus? Status = null, string? Owner = null, Guid? CompanyId = null, AlertKind? Kind = null,
    string? Search = null, UpsellSort Sort = UpsellSort.Forecast, bool Descending = true);

/// <summary>
/// Reads and handles stored alerts: the lists, acknowledge and snooze (CS), the upsell workflow
/// (Sales), and a company admin's request for more capacity. Tenancy is enforced here: a company
/// admin sees only its company's alerts that are addressed to company admins, and its capacity
/// requests; never the sales-only upsell opportunities, other roles' addresses or the sales notes.
/// </summary>
public sealed partial class AlertService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, IOptions<AlertOptions> options)
{
    public const int MaxCampaignAlerts = 500;
    public const int MaxExportRows = 100_000;
    public const int MaxSnoozeDays = 366;
    public const int RequestNoteMaxLength = 1000;
    public const int MaxBulk = 500;

    public async Task<Result<PagedResult<AlertView>>> ListAsync(Actor actor, AlertQuery query, PageRequest page, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadAlerts, "read alerts") is { } denied) return denied;
        var threshold = query.Threshold is null ? null : NormalizeThreshold(query.Threshold);
        if (query.Threshold is not null && threshold is null)
            return DomainError.Validation("band", $"band must be one of {string.Join(", ", AlertBandSetting.Thresholds)}.");

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var alerts = Visible(db.Alerts.AsNoTracking(), actor);
        if (threshold is not null) alerts = alerts.Where(a => a.Threshold == threshold);
        if (query.Severity is { } severity) alerts = alerts.Where(a => a.Severity == severity);
        if (query.CompanyId is { } companyId) alerts = alerts.Where(a => a.CompanyId == companyId);
        if (query.Kind is { } kind) alerts = alerts.Where(a => a.Kind == kind);
        if (query.PoolType is { } poolType) alerts = alerts.Where(a => a.PoolType == poolType);
        if (query.PoolId is { } poolId) alerts = alerts.Where(a => a.PoolId == poolId);
        if (Pattern(query.Search) is { } pattern)
            alerts = alerts.Where(a => EF.Functions.Like(a.PoolName.ToLower(), pattern)
                || db.Companies.Any(c => c.Id == a.CompanyId && EF.Functions.Like(c.Name.ToLower(), pattern)));
        alerts = query.Status switch
        {
            AlertStatus.Acknowledged => alerts.Where(a => a.AcknowledgedAt != null),
            AlertStatus.Snoozed => alerts.Where(a => a.AcknowledgedAt == null && a.SnoozedUntil != null && a.SnoozedUntil > now),
            AlertStatus.New => alerts.Where(a => a.AcknowledgedAt == null && (a.SnoozedUntil == null || a.SnoozedUntil <= now)),
            _ => alerts,
        };

        var total = await alerts.CountAsync(ct);
        var ordered = query.Sort switch
        {
            AlertSort.Pool => Order(alerts, a => a.PoolName, query.Descending),
            AlertSort.Company => Order(alerts, a => db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(), query.Descending),
            AlertSort.Severity => Order(alerts, a => a.Severity, query.Descending),
            AlertSort.Utilization => Order(alerts, a => (double)a.UtilizationPercent, query.Descending),
            AlertSort.Band => Order(alerts, a => a.Threshold, query.Descending),
            _ => Order(alerts, a => a.CreatedAt, query.Descending),
        };
        var items = await ordered.ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Include(a => a.Deliveries).AsSplitQuery()
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<AlertView>(items.Select(a => AlertViews.From(a, actor, now)).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>
    /// The header badge: how many items wait for this actor. Administrator, CS and company admins: the new
    /// (unacknowledged, unsnoozed) alerts they can see (tenancy as in <see cref="ListAsync"/>). Sales, who cannot
    /// acknowledge, work the upsell list instead: its items still in status new. Other roles: 0.
    /// </summary>
    public async Task<int> CountNewAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.May(Permission.ReadAlerts)) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!actor.May(Permission.HandleAlerts) && actor.May(Permission.WorkUpsell))
            return await db.Alerts.AsNoTracking().CountAsync(a => a.UpsellStatus == UpsellStatus.New, ct);
        var now = clock.GetUtcNow();
        return await Visible(db.Alerts.AsNoTracking(), actor)
            .CountAsync(a => a.AcknowledgedAt == null && (a.SnoozedUntil == null || a.SnoozedUntil <= now), ct);
    }

    /// <summary>GET /campaigns/{id}/alerts: the campaign's alerts, newest first (at most <see cref="MaxCampaignAlerts"/>).</summary>
    public async Task<Result<IReadOnlyList<AlertView>>> ListForCampaignAsync(Actor actor, Guid campaignId, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadAlerts, "read alerts") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await CampaignHeader.LoadAsync(db, actor, campaignId, ct) is null)
            return DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {campaignId} was not found.");
        var now = clock.GetUtcNow();
        var items = await Visible(db.Alerts.AsNoTracking(), actor)
            .Where(a => a.PoolType == PoolType.Campaign && a.PoolId == campaignId)
            .Include(a => a.Deliveries).AsSplitQuery()
            .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Take(MaxCampaignAlerts).ToListAsync(ct);
        return items.Select(a => AlertViews.From(a, actor, now)).ToList();
    }

    public async Task<Result<AlertView>> GetAsync(Actor actor, Guid alertId, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadAlerts, "read alerts") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await LoadViewAsync(db, actor, alertId, ct) is { } view ? view : NotFound(alertId);
    }

    /// <summary>Acknowledges an alert (CS, Administrator). The first acknowledgement stands; a second one changes nothing.</summary>
    public async Task<Result<AlertView>> AcknowledgeAsync(Actor actor, Guid alertId, string? reason, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.HandleAlerts, "acknowledge alerts") is { } denied) return denied;
        reason = Trimmed(reason);
        if (reason?.Length > Alert.ReasonMaxLength) return DomainError.Validation("reason", $"A reason has at most {Alert.ReasonMaxLength} characters.");
        var now = clock.GetUtcNow();
        var by = Name(actor);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Alerts.Where(a => a.Id == alertId && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, by)
                .SetProperty(a => a.AcknowledgeReason, reason), ct);
        return await LoadViewAsync(db, actor, alertId, ct) is { } view ? view : NotFound(alertId);
    }

    /// <summary>
    /// Acknowledges several alerts at once (CS, Administrator) with one reason, in one statement; alerts already
    /// acknowledged keep their first acknowledgement. Returns how many were acknowledged by this call.
    /// </summary>
    public async Task<Result<int>> AcknowledgeManyAsync(Actor actor, IReadOnlyCollection<Guid> alertIds, string? reason, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.HandleAlerts, "acknowledge alerts") is { } denied) return denied;
        reason = Trimmed(reason);
        if (reason?.Length > Alert.ReasonMaxLength) return DomainError.Validation("reason", $"A reason has at most {Alert.ReasonMaxLength} characters.");
        if (alertIds.Count == 0) return DomainError.Validation("alertIds", "Choose at least one alert.");
        if (alertIds.Count > MaxBulk) return DomainError.Validation("alertIds", $"At most {MaxBulk} alerts at once.");
        var ids = alertIds.Distinct().ToList();
        var now = clock.GetUtcNow();
        var by = Name(actor);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Visible(db.Alerts, actor).Where(a => ids.Contains(a.Id) && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, by)
                .SetProperty(a => a.AcknowledgeReason, reason), ct);
    }

    /// <summary>
    /// Moves several upsell items to one status (Sales, CS, Administrator), each through <see cref="UpdateUpsellAsync"/>
    /// (the same workflow rules and compare-and-set). Returns the items moved and, for the others, why not.
    /// </summary>
    public async Task<Result<BulkUpsellResult>> UpdateUpsellStatusManyAsync(Actor actor, IReadOnlyCollection<Guid> alertIds, UpsellStatus status,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.WorkUpsell, "change upsell items") is { } denied) return denied;
        if (alertIds.Count == 0) return DomainError.Validation("alertIds", "Choose at least one item.");
        if (alertIds.Count > MaxBulk) return DomainError.Validation("alertIds", $"At most {MaxBulk} items at once.");
        var moved = new List<Guid>();
        var refused = new Dictionary<Guid, string>();
        foreach (var id in alertIds.Distinct())
        {
            var result = await UpdateUpsellAsync(actor, id, new UpsellUpdate(Status: status), ct);
            if (result.IsSuccess) moved.Add(id);
            else refused[id] = result.Error.Detail;
        }
        return new BulkUpsellResult(moved, refused);
    }

    /// <summary>
    /// Snoozes an alert until a later instant (CS, Administrator; reason required). Besides marking
    /// the alert, it closes the repeat window of the alert's (pool, band) until then, in the same
    /// transaction: no new alert of that band for that pool before <paramref name="until"/>.
    /// A higher band still alerts.
    /// </summary>
    public async Task<Result<AlertView>> SnoozeAsync(Actor actor, Guid alertId, DateTimeOffset? until, string? reason, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.HandleAlerts, "snooze alerts") is { } denied) return denied;
        var now = clock.GetUtcNow();
        reason = Trimmed(reason);
        var errors = new Dictionary<string, string[]>();
        if (until is null) errors["until"] = ["until is required."];
        else if (until <= now) errors["until"] = ["until must lie in the future."];
        else if (until > now.AddDays(MaxSnoozeDays)) errors["until"] = [$"An alert is snoozed for at most {MaxSnoozeDays} days."];
        if (reason is null) errors["reason"] = ["A reason is required."];
        else if (reason.Length > Alert.ReasonMaxLength) errors["reason"] = [$"A reason has at most {Alert.ReasonMaxLength} characters."];
        if (errors.Count > 0) return DomainError.Validation("The snooze is invalid.", errors);
        var snoozedUntil = until!.Value.ToUniversalTime();
        var by = Name(actor);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var key = await db.Alerts.Where(a => a.Id == alertId).Select(a => new { a.Kind, a.PoolType, a.PoolId, a.Measure, a.Threshold }).FirstOrDefaultAsync(ct);
        if (key is null) return NotFound(alertId);
        await db.Alerts.Where(a => a.Id == alertId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SnoozedUntil, snoozedUntil).SetProperty(a => a.SnoozedAt, now)
                .SetProperty(a => a.SnoozedBy, by).SetProperty(a => a.SnoozeReason, reason), ct);
        if (key.Kind is AlertKind.Threshold or AlertKind.Forecast)
            await db.AlertWindows.Where(w => w.PoolType == key.PoolType && w.PoolId == key.PoolId && w.Measure == key.Measure && w.Threshold == key.Threshold)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.SnoozedUntil, snoozedUntil), ct);
        await tx.CommitAsync(ct);
        return (await LoadViewAsync(db, actor, alertId, ct))!;
    }

    /// <summary>
    /// Moves an upsell item (Sales, CS, Administrator) and sets its owner and notes, recording who and
    /// when. Moves follow <see cref="UpsellPolicy"/>; an item changed by someone else meanwhile is
    /// refused with INVALID_TRANSITION (reload and try again), never silently overwritten.
    /// </summary>
    public async Task<Result<AlertView>> UpdateUpsellAsync(Actor actor, Guid alertId, UpsellUpdate update, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.WorkUpsell, "change upsell items") is { } denied) return denied;
        var errors = new Dictionary<string, string[]>();
        var owner = update.Owner?.Trim();
        var notes = update.Notes?.Trim();
        if (owner?.Length > Alert.OwnerMaxLength) errors["owner"] = [$"An owner has at most {Alert.OwnerMaxLength} characters."];
        if (notes?.Length > Alert.NotesMaxLength) errors["notes"] = [$"Notes have at most {Alert.NotesMaxLength} characters."];
        if (update.Status is null && update.Owner is null && update.Notes is null) errors["status"] = ["Give a status, an owner or notes."];
        if (errors.Count > 0) return DomainError.Validation("The upsell change is invalid.", errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var current = await db.Alerts.AsNoTracking().Where(a => a.Id == alertId)
            .Select(a => new { a.UpsellStatus, a.UpsellOwner, a.UpsellNotes, a.UpsellUpdatedAt }).FirstOrDefaultAsync(ct);
        if (current is null) return NotFound(alertId);
        if (current.UpsellStatus is not { } from)
            return DomainError.Conflict(ErrorCodes.InvalidTransition, "This alert is not an upsell item (only upsell opportunities and capacity requests are).");
        var to = update.Status ?? from;
        if (!UpsellPolicy.CanMove(from, to))
            return DomainError.Conflict(ErrorCodes.InvalidTransition,
                $"An upsell item cannot go from {WireNames.Of(from)} to {WireNames.Of(to)} (new -> contacted -> won, lost or dismissed; new -> dismissed).");

        var newOwner = update.Owner is null ? current.UpsellOwner : owner!.Length == 0 ? null : owner;
        var newNotes = update.Notes is null ? current.UpsellNotes : notes!.Length == 0 ? null : notes;
        var now = clock.GetUtcNow();
        var by = Name(actor);
        var seenAt = current.UpsellUpdatedAt;
        // Compare-and-set on the status and the last change, so a concurrent edit is never lost.
        var updated = await db.Alerts.Where(a => a.Id == alertId && a.UpsellStatus == from && a.UpsellUpdatedAt == seenAt)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UpsellStatus, to).SetProperty(a => a.UpsellOwner, newOwner)
                .SetProperty(a => a.UpsellNotes, newNotes).SetProperty(a => a.UpsellUpdatedBy, by).SetProperty(a => a.UpsellUpdatedAt, now), ct);
        if (updated == 0)
            return DomainError.Conflict(ErrorCodes.InvalidTransition, "The upsell item was changed by someone else meanwhile; reload it and try again.");
        return (await LoadViewAsync(db, actor, alertId, ct))!;
    }

    /// <summary>
    /// A company admin asks for more capacity on one of its campaigns: stored as an alert of kind
    /// capacity_request (severity info, recipients Sales, upsell status new), so it lands in the sales
    /// upsell list and reaches Sales through the same outbox. One open request per campaign: while one is
    /// new or contacted, a second is refused with <see cref="ErrorCodes.CapacityRequestPending"/> (the check
    /// and the insert run in one transaction holding the campaign's row lock, so two clicks cannot both pass).
    /// </summary>
    public async Task<Result<AlertView>> RequestCapacityAsync(Actor actor, Guid campaignId, string? note, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.RequestCapacity, "request capacity") is { } denied) return denied;
        note = Trimmed(note);
        if (note?.Length > RequestNoteMaxLength) return DomainError.Validation("note", $"A note has at most {RequestNoteMaxLength} characters.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || !actor.CanSeeCompany(campaign.CompanyId))
            return DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {campaignId} was not found.");
        var now = clock.GetUtcNow();
        var alert = Alert.CapacityRequest(AlertPool.ForCampaign(campaign, CapacityKinds.Governing(campaign.PricingModel)), Name(actor), note, now);

        var recipients = await AlertRecipientResolver.ResolveAsync(db, alert.Recipients, campaign.CompanyId, options.Value.SalesMailbox, now, ct);
        alert.AddDeliveries(recipients, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CapacityCounters.LockCampaignAsync(db, campaignId, ct);
        if (await OpenRequests(db, campaignId).AnyAsync(ct))
            return DomainError.Conflict(ErrorCodes.CapacityRequestPending,
                "A request for more capacity on this campaign is already with your account manager.");
        db.Alerts.Add(alert); // the alert and its deliveries in one SaveChanges
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return AlertViews.From(alert, actor, now);
    }

    /// <summary>The campaign's open capacity request (upsell status new or contacted), or null: the UI shows "request pending".</summary>
    public async Task<Result<AlertView?>> GetOpenCapacityRequestAsync(Actor actor, Guid campaignId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var companyId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (Guid?)c.CompanyId).FirstOrDefaultAsync(ct);
        if (companyId is not { } id || !actor.CanSeeCompany(id))
            return DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {campaignId} was not found.");
        var open = await Visible(OpenRequests(db, campaignId), actor).Include(a => a.Deliveries)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        return open is null ? Result<AlertView?>.Success(null) : AlertViews.From(open, actor, clock.GetUtcNow());
    }

    private static IQueryable<Alert> OpenRequests(CapacityDbContext db, Guid campaignId) =>
        db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.CapacityRequest && a.PoolType == PoolType.Campaign && a.PoolId == campaignId
            && (a.UpsellStatus == UpsellStatus.New || a.UpsellStatus == UpsellStatus.Contacted));

    /// <summary>
    /// The sales upsell list: upsell opportunities (the 80 % band, forecast alerts) and capacity requests, in <see cref="UpsellQuery.Sort"/> order,
    /// with company, pool (the campaign for campaign pools), utilization, band, age, status, owner, notes.
    /// </summary>
    public async Task<Result<PagedResult<UpsellItemView>>> ListUpsellAsync(Actor actor, UpsellQuery query, PageRequest page, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.WorkUpsell, "read the upsell list") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = UpsellItems(db, query);
        var total = await items.CountAsync(ct);
        if (query.Sort == UpsellSort.Forecast)
        {
            // The forecast order is computed, not stored: the (newest, at most MaxExportRows) matching items are forecast in a
            // fixed number of grouped queries, ordered in memory, then paged.
            var all = await ForecastOrderedAsync(db, items, ct);
            return new PagedResult<UpsellItemView>(all.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, total);
        }
        var rows = await ListOrder(db, items, query).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<UpsellItemView>(await ToUpsellViewsAsync(db, rows, ct), page.Page, page.PageSize, total);
    }

    /// <summary>The list's order for a column sort (the page and the CSV export alike): the column, then newest first, then by id.</summary>
    private static IOrderedQueryable<Alert> ListOrder(CapacityDbContext db, IQueryable<Alert> items, UpsellQuery query) => (query.Sort switch
    {
        UpsellSort.Pool => Order(items, a => a.PoolName, query.Descending),
        UpsellSort.Company => Order(items, a => db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(), query.Descending),
        UpsellSort.Utilization => Order(items, a => (double)a.UtilizationPercent, query.Descending),
        UpsellSort.Status => Order(items, a => a.UpsellStatus, query.Descending),
        UpsellSort.Owner => Order(items, a => a.UpsellOwner, query.Descending),
        _ => Order(items, a => a.CreatedAt, query.Descending),
    }).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id);

    private async Task<IReadOnlyList<UpsellItemView>> ForecastOrderedAsync(CapacityDbContext db, IQueryable<Alert> items, CancellationToken ct)
    {
        var rows = await items.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Take(MaxExportRows).ToListAsync(ct);
        var views = (await ToUpsellViewsAsync(db, rows, ct)).ToList();
        views.Sort(UpsellItemView.CompareByForecast);
        return views;
    }

    private static IQueryable<Alert> UpsellItems(CapacityDbContext db, UpsellQuery query)
    {
        var items = db.Alerts.AsNoTracking().Where(a => a.UpsellStatus != null);
        if (query.Status is { } status) items = items.Where(a => a.UpsellStatus == status);
        if (query.CompanyId is { } companyId) items = items.Where(a => a.CompanyId == companyId);
        if (query.Kind is { } kind) items = items.Where(a => a.Kind == kind);
        if (Pattern(query.Owner) is { } owner) items = items.Where(a => a.UpsellOwner != null && EF.Functions.Like(a.UpsellOwner.ToLower(), owner));
        if (Pattern(query.Search) is { } pattern)
            items = items.Where(a => EF.Functions.Like(a.PoolName.ToLower(), pattern)
                || (a.UpsellOwner != null && EF.Functions.Like(a.UpsellOwner.ToLower(), pattern))
                || db.Companies.Any(c => c.Id == a.CompanyId && EF.Functions.Like(c.Name.ToLower(), pattern)));
        return items;
    }

    private async Task<IReadOnlyList<UpsellItemView>> ToUpsellViewsAsync(CapacityDbContext db, List<Alert> rows, CancellationToken ct)
    {
        var companyIds = rows.Where(a => a.CompanyId is not null).Select(a => a.CompanyId!.Value).Distinct().ToList();
        var names = await db.Companies.AsNoTracking().Where(c => EF.Parameter(companyIds).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var live = await LiveUtilizationAsync(db, rows, ct);
        var now = clock.GetUtcNow();
        // Forecast figures of the pools (one batch for the whole page), the same calculation as the API and dashboards.
        var pools = rows.Where(a => a.PoolType is PoolType.Campaign or PoolType.Bundle).Select(a => new Forecasts.PoolRef(a.PoolType, a.PoolId)).ToList();
        var forecasts = (await Forecasts.ForecastService.ForPoolsAsync(db, pools, now, ct)).ToDictionary(f => f.Pool);
        return rows.Select(a => AlertViews.WithForecast(
            AlertViews.Upsell(a, a.CompanyId is { } id && names.TryGetValue(id, out var n) ? n : null, now, live.TryGetValue(a.PoolId, out var l) ? l : null),
            forecasts.GetValueOrDefault(new Forecasts.PoolRef(a.PoolType, a.PoolId)))).ToList();
    }

    /// <summary>
    /// Today's utilization (percent) of each row's pool, from the same calculation as the gauges and the campaign list
    /// (<see cref="CapacityStatus"/> for campaigns, the bundle pool for bundles). Level caps have none here.
    /// </summary>
    private static async Task<Dictionary<Guid, decimal>> LiveUtilizationAsync(CapacityDbContext db, List<Alert> rows, CancellationToken ct)
    {
        var campaignIds = rows.Where(a => a.PoolType == PoolType.Campaign).Select(a => a.PoolId).Distinct().ToList();
        var bundleIds = rows.Where(a => a.PoolType == PoolType.Bundle).Select(a => a.PoolId).Distinct().ToList();
        var live = new Dictionary<Guid, decimal>();
        if (campaignIds.Count > 0)
            foreach (var campaign in await db.Campaigns.AsNoTracking().Where(c => EF.Parameter(campaignIds).Contains(c.Id)).ToListAsync(ct))
                live[campaign.Id] = CapacityPolicy.Percent(CapacityStatus.From(campaign).OverallUtilization);
        if (bundleIds.Count > 0)
            foreach (var bundle in await db.Bundles.AsNoTracking().Where(b => EF.Parameter(bundleIds).Contains(b.Id)).ToListAsync(ct))
                live[bundle.Id] = CapacityPolicy.Percent(ConsumptionResults.BundlePool(bundle).Utilization);
        return live;
    }

    private async Task<AlertView?> LoadViewAsync(CapacityDbContext db, Actor actor, Guid alertId, CancellationToken ct)
    {
        var alert = await Visible(db.Alerts.AsNoTracking(), actor).Include(a => a.Deliveries).FirstOrDefaultAsync(a => a.Id == alertId, ct);
        return alert is null ? null : AlertViews.From(alert, actor, clock.GetUtcNow());
    }

    /// <summary>Tenancy: a company-bound actor sees its company's alerts addressed to company admins, and its capacity requests.</summary>
    private static IQueryable<Alert> Visible(IQueryable<Alert> alerts, Actor actor)
    {
        if (actor.CompanyId is not { } companyId) return alerts;
        Expression<Func<Alert, bool>> visible = a => a.CompanyId == companyId
            && (a.Kind == AlertKind.CapacityRequest || (a.Recipients & AlertRecipients.CompanyAdmin) == AlertRecipients.CompanyAdmin);
        return alerts.Where(visible);
    }

    /// <summary>"80%", "80" or " 80 % " -> "80%"; null when it is not one of the four thresholds.</summary>
    public static string? NormalizeThreshold(string? value)
    {
        var compact = value?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(compact)) return null;
        if (!compact.EndsWith('%')) compact += "%";
        return AlertBandSetting.Thresholds.Contains(compact) ? compact : null;
    }

    private static DomainError NotFound(Guid alertId) => DomainError.NotFound(ErrorCodes.AlertNotFound, $"Alert {alertId} was not found.");

    private static string Name(Actor actor) => actor.Name.Length <= Alert.ActorMaxLength ? actor.Name : actor.Name[..Alert.ActorMaxLength];

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A case-insensitive "contains" LIKE pattern (LIKE wildcards a person types are dropped), or null for no filter.</summary>
    private static string? Pattern(string? value) => Trimmed(value) is { } v
        ? "%" + v.ToLowerInvariant().Replace("\\", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%"
        : null;

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
}

/// <summary>The outcome of a bulk upsell move: the items moved, and each refused item with the reason.</summary>
public sealed record BulkUpsellResult(IReadOnlyList<Guid> Moved, IReadOnlyDictionary<Guid, string> Refused);
