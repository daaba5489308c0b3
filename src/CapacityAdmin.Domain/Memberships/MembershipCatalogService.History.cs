using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>What a recorded capacity change was about.</summary>
public enum CapacityChangeKind
{
    Designation,
    Override,
    LevelCapacity,
}

public enum CapacityHistorySort
{
    ChangedAt,
    ChangedBy,
    Subject,
}

/// <summary>Filters of the history view: kind, and a case-insensitive contains-search over subject, author and reason.</summary>
public sealed record CapacityHistoryQuery(CapacityChangeKind? Kind = null, string? Search = null,
    CapacityHistorySort Sort = CapacityHistorySort.ChangedAt, bool Descending = true);

public sealed partial class MembershipCatalogService
{
    /// <summary>
    /// Designation, override and level-cap changes (not membership changes), filtered, sorted and paged in SQL.
    /// Every role that reads memberships may read it.
    /// </summary>
    public async Task<Result<PagedResult<AuditEntryView>>> ListCapacityHistoryAsync(Actor actor, CapacityHistoryQuery query, PageRequest page, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read the capacity history") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        const string designation = MembershipCapacityChange.DesignationPrefix, cap = MembershipCapacityChange.LevelCapacityPrefix;
        var rows = db.MembershipCapacityChanges.AsNoTracking();
        rows = query.Kind switch
        {
            CapacityChangeKind.Designation => rows.Where(c => c.Subject.StartsWith(designation) && !EF.Functions.Like(c.Subject, designation + "%:%")),
            CapacityChangeKind.Override => rows.Where(c => EF.Functions.Like(c.Subject, designation + "%:%")),
            CapacityChangeKind.LevelCapacity => rows.Where(c => c.Subject.StartsWith(cap)),
            _ => rows.Where(c => c.Subject.StartsWith(designation) || c.Subject.StartsWith(cap)),
        };
        if (query.Search?.Trim().ToLowerInvariant() is { Length: > 0 } term)
            rows = rows.Where(c => c.Subject.ToLower().Contains(term) || c.ChangedBy.ToLower().Contains(term) || c.Reason.ToLower().Contains(term));

        var total = await rows.CountAsync(ct);
        IOrderedQueryable<MembershipCapacityChange> ordered = (query.Sort, query.Descending) switch
        {
            (CapacityHistorySort.ChangedBy, false) => rows.OrderBy(c => c.ChangedBy).ThenByDescending(c => c.ChangedAt),
            (CapacityHistorySort.ChangedBy, true) => rows.OrderByDescending(c => c.ChangedBy).ThenByDescending(c => c.ChangedAt),
            (CapacityHistorySort.Subject, false) => rows.OrderBy(c => c.Subject).ThenByDescending(c => c.ChangedAt),
            (CapacityHistorySort.Subject, true) => rows.OrderByDescending(c => c.Subject).ThenByDescending(c => c.ChangedAt),
            (_, false) => rows.OrderBy(c => c.ChangedAt),
            _ => rows.OrderByDescending(c => c.ChangedAt),
        };
        var items = await ordered.ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<AuditEntryView>(items.Select(c => c.ToView()).ToList(), page.Page, page.PageSize, total);
    }
}
