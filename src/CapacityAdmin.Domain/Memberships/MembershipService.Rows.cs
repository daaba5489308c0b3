using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public enum MembershipSort
{
    CreatedAt,
    MemberRef,
    Cell,
    Designation,
    Level,
    Status,
    SeatSequence,
    ExpiresAt,
}

/// <summary>A membership with the names a person reads: cell, designation and the unit of its level ("" for NATIONAL).</summary>
public sealed record MembershipRow(MembershipView Membership, string CellName, string DesignationName, string UnitName);

public sealed partial class MembershipService
{
    /// <summary>
    /// The list page's read: the same filters as <see cref="ListAsync"/> plus a contains-search on the member
    /// reference, sorted and paged in SQL, each row with its names (one lookup per kind for the page).
    /// </summary>
    public async Task<Result<PagedResult<MembershipRow>>> ListRowsAsync(Actor actor, MembershipFilter filter, PageRequest page,
        MembershipSort sort = MembershipSort.CreatedAt, bool descending = true, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read memberships") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await RulesAsync(db, ct);
        var filtered = Filtered(db, filter, rules);
        if (!filtered.IsSuccess) return filtered.Error;
        var query = filtered.Value;

        var total = await query.CountAsync(ct);
        var ordered = sort switch
        {
            MembershipSort.MemberRef => descending ? query.OrderByDescending(m => m.MemberRef) : query.OrderBy(m => m.MemberRef),
            MembershipSort.Cell => descending ? query.OrderByDescending(m => m.CellCode) : query.OrderBy(m => m.CellCode),
            MembershipSort.Designation => descending ? query.OrderByDescending(m => m.DesignationCode) : query.OrderBy(m => m.DesignationCode),
            MembershipSort.Level => descending ? query.OrderByDescending(m => m.Level) : query.OrderBy(m => m.Level),
            MembershipSort.Status => descending ? query.OrderByDescending(m => m.Status) : query.OrderBy(m => m.Status),
            MembershipSort.SeatSequence => descending ? query.OrderByDescending(m => m.SeatSequence) : query.OrderBy(m => m.SeatSequence),
            MembershipSort.ExpiresAt => descending ? query.OrderByDescending(m => m.ExpiresAt) : query.OrderBy(m => m.ExpiresAt),
            _ => descending ? query.OrderByDescending(m => m.CreatedAt) : query.OrderBy(m => m.CreatedAt),
        };
        var rows = await ordered.ThenByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);

        var cellCodes = rows.Select(m => m.CellCode).Distinct().ToList();
        var designationCodes = rows.Select(m => m.DesignationCode).Distinct().ToList();
        var stateCodes = rows.Where(m => m.Level == Geography.Level.STATE).Select(m => m.StateCode!).Distinct().ToList();
        var districtCodes = rows.Where(m => m.Level == Geography.Level.DISTRICT).Select(m => m.DistrictCode!).Distinct().ToList();
        var mandalCodes = rows.Where(m => m.Level == Geography.Level.MANDAL).Select(m => m.MandalCode!).Distinct().ToList();
        var cells = await db.Cells.Where(c => cellCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var designations = await db.Designations.Where(d => designationCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var units = new Dictionary<string, string>();
        if (stateCodes.Count > 0)
            foreach (var s in await db.States.Where(s => stateCodes.Contains(s.Code)).ToListAsync(ct)) units[s.Code] = s.Name;
        if (districtCodes.Count > 0)
            foreach (var d in await db.Districts.Where(d => districtCodes.Contains(d.Code)).ToListAsync(ct)) units[d.Code] = d.Name;
        if (mandalCodes.Count > 0)
            foreach (var x in await db.Mandals.Where(x => mandalCodes.Contains(x.Code)).ToListAsync(ct)) units[x.Code] = x.Name;

        string UnitName(Membership m) => m.Level switch
        {
            Geography.Level.NATIONAL => "",
            Geography.Level.ZONE => m.Zone?.ToString() ?? "",
            _ => units.TryGetValue(m.Path.UnitCode, out var name) ? name : m.Path.UnitCode,
        };
        var items = rows.Select(m => new MembershipRow(MembershipView.From(m, rules),
            cells.GetValueOrDefault(m.CellCode, m.CellCode), designations.GetValueOrDefault(m.DesignationCode, m.DesignationCode), UnitName(m))).ToList();
        return new PagedResult<MembershipRow>(items, page.Page, page.PageSize, total);
    }
}
