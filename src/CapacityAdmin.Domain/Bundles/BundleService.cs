using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Bundles;

public sealed record CreateBundleRequest(Guid CompanyId, string? Name, string? Sku, int Capacity, BundleSubscriptionStatus? Status = null);

/// <summary>Capacity and/or status of a bundle, with the reason recorded on its timeline.</summary>
public sealed record BundleChange(int? Capacity = null, BundleSubscriptionStatus? Status = null, string? Reason = null);

/// <summary>Bundles (shared subscription quotas): creation, capacity and status changes, and their status views.</summary>
public sealed class BundleService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    public async Task<Result<BundleStatus>> CreateAsync(Actor actor, CreateBundleRequest request, CancellationToken ct = default)
    {
        if (CapacityAccess.RequireEditor(actor) is { } denied) return denied;
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
        if (CapacityAccess.RequireEditor(actor) is { } denied) return denied;
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

    public async Task<Result<BundleStatus>> GetStatusAsync(Actor actor, Guid bundleId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId)) return NotFound(bundleId);
        var linked = await db.Campaigns.AsNoTracking().Where(c => c.BundleId == bundleId).ToListAsync(ct);
        return BundleStatus.From(bundle, linked);
    }

    /// <summary>The bundles the actor may see, optionally of one company, by name.</summary>
    public async Task<IReadOnlyList<BundleStatus>> ListAsync(Actor actor, Guid? companyId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Bundles.AsNoTracking();
        if (actor.CompanyId is { } own) query = query.Where(b => b.CompanyId == own);
        if (companyId is { } wanted) query = query.Where(b => b.CompanyId == wanted);
        var bundles = await query.OrderBy(b => b.Name).ToListAsync(ct);
        var ids = bundles.Select(b => b.Id).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.BundleId != null && ids.Contains(c.BundleId.Value)).ToListAsync(ct);
        var byBundle = campaigns.ToLookup(c => c.BundleId!.Value);
        return bundles.Select(b => BundleStatus.From(b, byBundle[b.Id])).ToList();
    }

    public async Task<Result<PagedResult<CapacityChangeView>>> GetTimelineAsync(Actor actor, Guid bundleId, int page = 1, int pageSize = 50,
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
