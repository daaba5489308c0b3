using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Bundles;

public sealed record CreateBundleRequest(Guid CompanyId, string? Name, string? Sku, int Capacity, BundleSubscriptionStatus? Status = null);

/// <summary>Capacity and/or status of a bundle, with the reason recorded on its timeline.</summary>
/// <summary>The bundle list's filters, sort and paging (all in SQL).</summary>
public sealed record BundleQuery(Guid? CompanyId = null, BundleSubscriptionStatus? Status = null, string? Search = null,
    BundleSort Sort = BundleSort.Name, bool Descending = false, int Page = 1, int PageSize = 50);

public enum BundleSort
{
    Name,
    Company,
    Capacity,
    Used,
    Utilization,
    Status,
}

public sealed record BundleChange(int? Capacity = null, BundleSubscriptionStatus? Status = null, string? Reason = null);

/// <summary>Bundles (shared subscription quotas): creation, capacity and status changes, and their status views.</summary>
public sealed class BundleService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    public async Task<Result<BundleStatus>> CreateAsync(Actor actor, CreateBundleRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        var name = request.Name?.Trim() ?? "";
        var sku = string.IsNullOrWhiteSpace(request.Sku) ? null : request.Sku.Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > Bundle.NameMaxLength) errors["name"] = [$"A bundle name is 1 to {Bundle.NameMaxLength} characters."];
        if (sku?.Length > Bundle.SkuMaxLength) errors["sku"] = [$"A SKU has at most {Bundle.SkuMaxLength} characters."];
        if (request.Capacity is < 0 or > Bundle.MaxCapacity) errors["capacity"] = [$"capacity lies between 0 and {Bundle.MaxCapacity}."];
        if (request.Status is { } s && !Enum.IsDefined(s)) errors["status"] = ["Unknown bundle status."];
        if (errors.Count > 0) return DomainError.Validation("The bundle is invalid.", errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!actor.CanSeeCompany(request.CompanyId) || !await db.Companies.AnyAsync(c => c.Id == request.CompanyId, ct))
            return CompanyService.NotFound(request.CompanyId);
        var now = clock.GetUtcNow();
        var bundle = new Bundle(request.CompanyId, name, sku, request.Capacity, request.Status ?? BundleSubscriptionStatus.Active, now);
        db.Bundles.Add(bundle);
        db.CapacityChanges.Add(CapacityChange.ForBundle(bundle.CompanyId, bundle.Id, "bundle", null, "created", "Bundle created", actor.Name, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return DomainError.Conflict(ErrorCodes.Duplicate, $"The company already has a bundle named '{name}'.");
        }
        return BundleStatus.From(bundle, []);
    }

    /// <summary>
    /// Changes capacity and/or status with a reason. A new capacity recomputes every linked campaign's
    /// quota in the same transaction (bundle row locked first); lowering below usage is allowed.
    /// </summary>
    public async Task<Result<BundleStatus>> ChangeAsync(Actor actor, Guid bundleId, BundleChange change, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        var errors = new Dictionary<string, string[]>();
        if (change.Capacity is null && change.Status is null) errors["capacity"] = ["Name a capacity or a status to change."];
        if (change.Capacity is < 0 or > Bundle.MaxCapacity) errors["capacity"] = [$"capacity lies between 0 and {Bundle.MaxCapacity}."];
        if (change.Status is { } s && !Enum.IsDefined(s)) errors["status"] = ["Unknown bundle status."];
        var reason = change.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors["reason"] = ["A reason is required for every capacity change."];
        else if (reason.Length > CapacityChange.ReasonMaxLength) errors["reason"] = [$"A reason has at most {CapacityChange.ReasonMaxLength} characters."];
        if (errors.Count > 0) return DomainError.Validation("The bundle change is invalid.", errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CapacityCounters.LockBundleAsync(db, bundleId, ct);
        var bundle = await db.Bundles.FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return NotFound(bundleId);
        var now = clock.GetUtcNow();
        var linked = await db.Campaigns.Where(c => c.BundleId == bundleId).ToListAsync(ct);
        if (change.Capacity is { } capacity && capacity != bundle.Capacity)
        {
            db.CapacityChanges.Add(CapacityChange.ForBundle(bundle.CompanyId, bundle.Id, "capacity", AuditValue.Of(bundle.Capacity),
                AuditValue.Of(capacity), reason!, actor.Name, now));
            bundle.ChangeCapacity(capacity);
            foreach (var campaign in linked) campaign.ApplyBundleCapacity(capacity);
        }
        if (change.Status is { } status && status != bundle.Status)
        {
            db.CapacityChanges.Add(CapacityChange.ForBundle(bundle.CompanyId, bundle.Id, "status", AuditValue.Of(bundle.Status),
                AuditValue.Of(status), reason!, actor.Name, now));
            bundle.ChangeStatus(status);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return BundleStatus.From(bundle, linked);
    }

    /// <summary>
    /// What a new capacity does to the bundle, computed like a campaign's preview (nothing is written): the UI shows it before
    /// saving and asks for a confirmation when usage would stay above the new capacity.
    /// </summary>
    public async Task<Result<LimitChangeImpact>> PreviewCapacityAsync(Actor actor, Guid bundleId, int capacity, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        if (capacity is < 0 or > Bundle.MaxCapacity) return DomainError.Validation("capacity", $"capacity lies between 0 and {Bundle.MaxCapacity}.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return NotFound(bundleId);
        // A bundle has no overage band: its hard limit is its capacity.
        var before = new CapacityMeasure(bundle.VolunteersUsed, bundle.Capacity, bundle.Capacity);
        var after = new CapacityMeasure(bundle.VolunteersUsed, capacity, capacity);
        var changes = capacity == bundle.Capacity ? [] : new List<FieldChange> { new("capacity", AuditValue.Of(bundle.Capacity), AuditValue.Of(capacity)) };
        var belowUsage = after.Used > after.Limit;
        var refuses = !after.Allows(1);
        var warning = belowUsage
            ? FormattableString.Invariant($"Usage ({after.Used}) is above the new capacity ({after.Limit}); nothing is taken away, and new enrollments in the bundle's campaigns will be refused.")
            : refuses ? "New enrollments in the bundle's campaigns will be refused." : null;
        return new LimitChangeImpact(changes, CapacityKind.Volunteers, after.Used, before.Limit, after.Limit, before.HardLimit, after.HardLimit,
            CapacityPolicy.RoundRatio(before.Utilization), CapacityPolicy.RoundRatio(after.Utilization), before.Band, after.Band, after.Flags,
            belowUsage, refuses, warning);
    }

    /// <summary>
    /// One page of the bundles the actor may see: contains-search on the bundle's and the company's names, a status filter and
    /// the sort run in SQL; the page's linked campaigns are read in one more query.
    /// </summary>
    public async Task<Result<PagedResult<BundleStatus>>> ListPageAsync(Actor actor, BundleQuery query, CancellationToken ct = default)
    {
        var paging = PageRequest.Create(query.Page, query.PageSize);
        if (!paging.IsSuccess) return paging.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundles = db.Bundles.AsNoTracking();
        if (actor.CompanyId is { } own) bundles = bundles.Where(b => b.CompanyId == own);
        if (query.CompanyId is { } company) bundles = bundles.Where(b => b.CompanyId == company);
        if (query.Status is { } status) bundles = bundles.Where(b => b.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{query.Search.Trim().ToLower()}%";
            bundles = bundles.Where(b => EF.Functions.Like(b.Name.ToLower(), pattern)
                || db.Companies.Any(c => c.Id == b.CompanyId && EF.Functions.Like(c.Name.ToLower(), pattern)));
        }
        var total = await bundles.CountAsync(ct);
        var ordered = query.Sort switch
        {
            BundleSort.Company => Order(bundles, b => db.Companies.Where(c => c.Id == b.CompanyId).Select(c => c.Name).FirstOrDefault(), query.Descending),
            BundleSort.Capacity => Order(bundles, b => b.Capacity, query.Descending),
            BundleSort.Used => Order(bundles, b => b.VolunteersUsed, query.Descending),
            // Floating point only orders; the figures shown come from the exact policy.
            BundleSort.Utilization => Order(bundles, b => b.Capacity > 0 ? (double)b.VolunteersUsed / b.Capacity : (double)b.VolunteersUsed, query.Descending),
            BundleSort.Status => Order(bundles, b => b.Status, query.Descending),
            _ => Order(bundles, b => b.Name, query.Descending),
        };
        var page = await ordered.ThenBy(b => b.Id).Skip(paging.Value.Skip).Take(paging.Value.PageSize).ToListAsync(ct);
        var ids = page.Select(b => b.Id).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.BundleId != null && ids.Contains(c.BundleId.Value)).ToListAsync(ct);
        var byBundle = campaigns.ToLookup(c => c.BundleId!.Value);
        return new PagedResult<BundleStatus>(page.Select(b => BundleStatus.From(b, byBundle[b.Id])).ToList(), paging.Value.Page, paging.Value.PageSize, total);
    }

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public async Task<Result<BundleStatus>> GetStatusAsync(Actor actor, Guid bundleId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return NotFound(bundleId);
        var linked = await db.Campaigns.AsNoTracking().Where(c => c.BundleId == bundleId).ToListAsync(ct);
        return BundleStatus.From(bundle, linked);
    }

    /// <summary>
    /// One keyset page of the bundles the actor may see, by name then id, after <paramref name="after"/> (the last row of the
    /// previous page); the page's linked campaigns in one more query. For exports that stream every bundle.
    /// </summary>
    public async Task<IReadOnlyList<BundleStatus>> ListPageAfterAsync(Actor actor, (string Name, Guid Id)? after, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Bundles.AsNoTracking();
        if (actor.CompanyId is { } own) query = query.Where(b => b.CompanyId == own);
        if (after is { } a) query = query.Where(b => string.Compare(b.Name, a.Name) > 0 || (b.Name == a.Name && b.Id.CompareTo(a.Id) > 0));
        var bundles = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).Take(take).ToListAsync(ct);
        var ids = bundles.Select(b => b.Id).ToList();
        // Thousands of ids at scale: one array parameter, not one parameter per id.
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.BundleId != null && EF.Parameter(ids).Contains(c.BundleId.Value)).ToListAsync(ct);
        var byBundle = campaigns.ToLookup(c => c.BundleId!.Value);
        return bundles.Select(b => BundleStatus.From(b, byBundle[b.Id])).ToList();
    }

    /// <summary>
    /// The bundles the actor may see whose usage is near <paramref name="percent"/> of their capacity or above, filtered in SQL
    /// one point wide (the caller applies the exact test to <see cref="BundleStatus.Pool"/>), by name.
    /// </summary>
    public async Task<IReadOnlyList<BundleStatus>> ListNearFullAsync(Actor actor, int percent, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Bundles.AsNoTracking().Where(b => b.Capacity > 0 ? 100 * b.VolunteersUsed >= (percent - 1) * b.Capacity : b.VolunteersUsed > 0);
        if (actor.CompanyId is { } own) query = query.Where(b => b.CompanyId == own);
        var bundles = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
        var ids = bundles.Select(b => b.Id).ToList();
        // Thousands of ids at scale: one array parameter, not one parameter per id.
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.BundleId != null && EF.Parameter(ids).Contains(c.BundleId.Value)).ToListAsync(ct);
        var byBundle = campaigns.ToLookup(c => c.BundleId!.Value);
        return bundles.Select(b => BundleStatus.From(b, byBundle[b.Id])).ToList();
    }

    /// <summary>The bundles among <paramref name="bundleIds"/> that the actor may see, by name.</summary>
    public async Task<IReadOnlyList<BundleStatus>> ListByIdsAsync(Actor actor, IReadOnlyCollection<Guid> bundleIds, CancellationToken ct = default)
    {
        var wanted = bundleIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Bundles.AsNoTracking().Where(b => wanted.Contains(b.Id));
        if (actor.CompanyId is { } own) query = query.Where(b => b.CompanyId == own);
        var bundles = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.BundleId != null && wanted.Contains(c.BundleId.Value)).ToListAsync(ct);
        var byBundle = campaigns.ToLookup(c => c.BundleId!.Value);
        return bundles.Select(b => BundleStatus.From(b, byBundle[b.Id])).ToList();
    }

    /// <summary>The bundles the actor may see, optionally of one company, by name.</summary>
    public async Task<IReadOnlyList<BundleStatus>> ListAsync(Actor actor, Guid? companyId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Bundles.AsNoTracking();
        if (actor.CompanyId is { } own) query = query.Where(b => b.CompanyId == own);
        if (companyId is { } wanted) query = query.Where(b => b.CompanyId == wanted);
        var bundles = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
        var ids = bundles.Select(b => b.Id).ToList();
        // Thousands of ids at scale: one array parameter, not one parameter per id.
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.BundleId != null && EF.Parameter(ids).Contains(c.BundleId.Value)).ToListAsync(ct);
        var byBundle = campaigns.ToLookup(c => c.BundleId!.Value);
        return bundles.Select(b => BundleStatus.From(b, byBundle[b.Id])).ToList();
    }

    public async Task<Result<PagedResult<AuditEntryView>>> GetTimelineAsync(Actor actor, Guid bundleId, int page = 1, int pageSize = 50,
        CancellationToken ct = default)
    {
        var paging = PageRequest.Create(page, pageSize);
        if (!paging.IsSuccess) return paging.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundle = await db.Bundles.AsNoTracking().Where(b => b.Id == bundleId).Select(b => new { b.CompanyId }).FirstOrDefaultAsync(ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return NotFound(bundleId);
        return await CapacityQueryService.TimelinePageAsync(db.CapacityChanges.Where(c => c.BundleId == bundleId), paging.Value, ct);
    }

    public static DomainError NotFound(Guid id) => DomainError.NotFound(ErrorCodes.BundleNotFound, $"Bundle {id} was not found.");
}
