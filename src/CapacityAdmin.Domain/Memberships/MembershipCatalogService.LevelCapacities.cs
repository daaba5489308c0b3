using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipCatalogService
{
    /// <summary>
    /// Creates or changes an aggregate cap (cell, level, unit; no unit = blanket row). Lowering a cap
    /// below its usage is allowed: nothing is taken away, new joins are refused.
    /// </summary>
    public async Task<Result<LevelCapacityView>> UpsertLevelCapacityAsync(Actor actor, LevelCapacityRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "edit level capacities") is { } denied) return denied;
        if (ValidateReason(request.Reason) is { } noReason) return noReason;
        if (request.Capacity < 0) return DomainError.Validation("capacity", "capacity must be 0 or more.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await ResolveKeyAsync(db, request.Key, ct);
        if (!key.IsSuccess) return key.Error;
        var (cell, level, unit) = key.Value;

        var row = await db.LevelCapacities.FirstOrDefaultAsync(c => c.CellCode == cell && c.Level == level && c.UnitCode == unit, ct);
        var old = row?.Capacity;
        if (row is null) db.LevelCapacities.Add(row = new LevelCapacity(cell, level, unit, request.Capacity));
        else row.SetCapacity(request.Capacity);
        db.MembershipCapacityChanges.Add(new MembershipCapacityChange(ScopeKeys.LevelCapacitySubject(cell, level, unit), "capacity",
            old?.ToString(), request.Capacity.ToString(), request.Reason!.Trim(), actor.Name, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (old is null && DbErrors.IsUniqueViolation(e))
        {
            return DomainError.Conflict(ErrorCodes.Duplicate, "The row was created by another request at the same time; try again.");
        }
        return await ViewAsync(db, row, await MembershipSettingsReader.ReadRulesAsync(db, options.Value, clock, ct), ct);
    }

    public async Task<Result<bool>> DeleteLevelCapacityAsync(Actor actor, LevelCapacityKey key, string? reason = null, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "delete level capacities") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var resolved = await ResolveKeyAsync(db, key, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var (cell, level, unit) = resolved.Value;
        var row = await db.LevelCapacities.FirstOrDefaultAsync(c => c.CellCode == cell && c.Level == level && c.UnitCode == unit, ct);
        if (row is null) return DomainError.NotFound(MembershipErrorCodes.LevelCapacityNotFound, "No such level capacity.");
        db.LevelCapacities.Remove(row);
        db.MembershipCapacityChanges.Add(new MembershipCapacityChange(ScopeKeys.LevelCapacitySubject(cell, level, unit), "capacity",
            row.Capacity.ToString(), null, reason?.Trim() ?? "", actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Rows with their usage. <c>Used</c> is null for blanket rows (they cap each unit separately);
    /// unit rows and NATIONAL rows count their scope as the join does.
    /// </summary>
    public async Task<Result<PagedResult<LevelCapacityView>>> ListLevelCapacitiesAsync(Actor actor, string? cell, Level? level, PageRequest page, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read level capacities") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.LevelCapacities.AsNoTracking();
        if (Codes.Normalize(cell) is { } cellCode) query = query.Where(c => c.CellCode == cellCode);
        if (level is { } l) query = query.Where(c => c.Level == l);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.CellCode).ThenBy(c => c.Level).ThenBy(c => c.UnitCode)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var rules = await MembershipSettingsReader.ReadRulesAsync(db, options.Value, clock, ct);
        var views = new List<LevelCapacityView>(rows.Count);
        foreach (var row in rows) views.Add(await ViewAsync(db, row, rules, ct));
        return new PagedResult<LevelCapacityView>(views, page.Page, page.PageSize, total);
    }

    private static async Task<LevelCapacityView> ViewAsync(CapacityDbContext db, LevelCapacity row, SeatRules rules, CancellationToken ct)
    {
        int? used = row.IsBlanket ? null
            : await db.Memberships.InCapScope(row.CellCode, row.Level, row.UnitCode, rules.HierarchicalCaps).Where(rules.HoldsSeat).CountAsync(ct);
        var unit = row.UnitCode.Length == 0 ? null : row.UnitCode;
        return new LevelCapacityView(row.Id, row.CellCode, row.Level,
            row.Level == Level.ZONE && unit is not null ? Enum.Parse<Zone>(unit) : null,
            row.Level == Level.STATE ? unit : null,
            row.Level == Level.DISTRICT ? unit : null,
            row.Level == Level.MANDAL ? unit : null,
            row.Capacity, used, row.IsBlanket);
    }

    /// <summary>The (cell, level, unit code) a request names; the unit must exist and its given ancestors agree.</summary>
    private static async Task<Result<(string Cell, Level Level, string Unit)>> ResolveKeyAsync(CapacityDbContext db, LevelCapacityKey key, CancellationToken ct)
    {
        var cell = Codes.Normalize(key.Cell);
        if (cell is null || !await db.Cells.AnyAsync(c => c.Code == cell, ct))
            return DomainError.NotFound(MembershipErrorCodes.CellNotFound, $"No cell with code '{key.Cell}'.");
        var path = await GeographyLookup.ResolveAsync(db, key.Level, key.Units, unitOptional: true, ct);
        if (!path.IsSuccess) return path.Error;
        return (cell, key.Level, path.Value.UnitCode);
    }
}
