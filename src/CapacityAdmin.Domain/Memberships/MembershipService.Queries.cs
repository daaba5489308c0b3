using System.Linq.Expressions;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipService
{
    public async Task<Result<MembershipView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read memberships") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await RulesAsync(db, ct);
        var m = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return m is null ? NotFound(id) : MembershipView.From(m, rules);
    }

    /// <summary>
    /// Memberships, newest first. Unit filters match the derived ancestors, so <c>state=KA</c> finds
    /// the state's STATE, DISTRICT and MANDAL memberships; add <c>level</c> to narrow it.
    /// </summary>
    public async Task<Result<PagedResult<MembershipView>>> ListAsync(Actor actor, MembershipFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read memberships") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await RulesAsync(db, ct);
        var filtered = Filtered(db, filter, rules);
        if (!filtered.IsSuccess) return filtered.Error;
        var query = filtered.Value;

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<MembershipView>(rows.Select(m => MembershipView.From(m, rules)).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>
    /// Seats of the designation scope and of the most constraining aggregate cap that applies
    /// (null when none), and the fee. A read: nothing is locked, so it can be stale by the time
    /// of a join; the join decides again under the lock.
    /// </summary>
    public async Task<Result<MembershipAvailability>> GetAvailabilityAsync(Actor actor, MembershipScope scope, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read availability") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await RulesAsync(db, ct);
        var resolved = await ResolveAsync(db, scope, rules, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var r = resolved.Value;
        var usage = await SeatAllocator.MeasureAsync(db, r.Cell.Code, r.Designation, r.Path, r.Caps, rules, exclude: null, ct);
        var aggregate = usage.Caps
            .OrderBy(c => c.Count.Remaining).ThenByDescending(c => c.Cap.Level)
            .Select(c => c.Count).FirstOrDefault();
        return new MembershipAvailability(usage.Designation, aggregate, r.Designation.Fee);
    }

    /// <summary>The list's filters as one query; unit filters match derived ancestors.</summary>
    private static Result<IQueryable<Membership>> Filtered(CapacityDbContext db, MembershipFilter filter, SeatRules rules)
    {
        var query = db.Memberships.AsNoTracking();
        if (Codes.Normalize(filter.Cell) is { } cell) query = query.Where(m => m.CellCode == cell);
        if (Codes.Normalize(filter.Designation) is { } designation) query = query.Where(m => m.DesignationCode == designation);
        if (filter.Level is { } level) query = query.Where(m => m.Level == level);
        if (filter.Zone is not null)
        {
            if (!WireNames.TryParse<Zone>(filter.Zone, out var zone)) return DomainError.Validation("zone", $"Unknown zone '{filter.Zone}'.");
            query = query.Where(m => m.Zone == zone);
        }
        if (Codes.Normalize(filter.State) is { } state) query = query.Where(m => m.StateCode == state);
        if (Codes.Normalize(filter.District) is { } district) query = query.Where(m => m.DistrictCode == district);
        if (Codes.Normalize(filter.Mandal) is { } mandal) query = query.Where(m => m.MandalCode == mandal);
        if (filter.Status is { } status) query = query.Where(m => m.Status == status);
        if (filter.MemberRef?.Trim() is { Length: > 0 } memberRef) query = query.Where(m => m.MemberRef == memberRef);
        if (filter.HoldsSeat is { } holds) query = query.Where(holds ? rules.HoldsSeat : Not(rules.HoldsSeat));

        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } term) query = query.Where(m => m.MemberRef.ToLower().Contains(term));
        return Result<IQueryable<Membership>>.Success(query);
    }

    private static Expression<Func<Membership, bool>> Not(Expression<Func<Membership, bool>> predicate) =>
        Expression.Lambda<Func<Membership, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
