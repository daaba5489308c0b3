using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Memberships;

public sealed record DesignationScopeUtilization(string Cell, string Designation, Level Level, Zone? Zone, string? State, string? District, string? Mandal,
    int Capacity, int Used, int Remaining, decimal UtilizationPercent);

/// <summary>One capped scope; a blanket row appears once per unit of its level that has seat holders.</summary>
public sealed record LevelCapUtilization(string Cell, Level Level, string? Unit, bool FromBlanketRow, int Capacity, int Used, int Remaining, decimal UtilizationPercent);

public sealed record MembershipUtilizationReport(DateTimeOffset GeneratedAt, IReadOnlyList<DesignationScopeUtilization> DesignationScopes, IReadOnlyList<LevelCapUtilization> LevelCaps);

/// <summary>The membership part of GET /reports/utilization: designation scopes and level caps, used / capacity.</summary>
public sealed class MembershipReportService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, IOptions<MembershipOptions> options)
{
    public async Task<Result<MembershipUtilizationReport>> GetUtilizationAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read membership reports") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await MembershipSettingsReader.ReadRulesAsync(db, options.Value, clock, ct);

        var groups = await db.Memberships.AsNoTracking().Where(rules.HoldsSeat)
            .GroupBy(m => new { m.CellCode, m.DesignationCode, m.Level, m.Zone, m.StateCode, m.DistrictCode, m.MandalCode })
            .Select(g => new { g.Key, Used = g.Count() })
            .ToListAsync(ct);
        var designations = (await db.Designations.AsNoTracking().Include(d => d.LevelCapacities).ToListAsync(ct)).ToDictionary(d => d.Code);

        var scopes = groups
            .Select(g =>
            {
                var capacity = designations[g.Key.DesignationCode].CapacityAt(g.Key.Level);
                return new DesignationScopeUtilization(g.Key.CellCode, g.Key.DesignationCode, g.Key.Level, g.Key.Zone, g.Key.StateCode,
                    g.Key.DistrictCode, g.Key.MandalCode, capacity, g.Used, Math.Max(0, capacity - g.Used), Percent(g.Used, capacity));
            })
            .OrderBy(s => s.Cell, StringComparer.Ordinal).ThenBy(s => s.Designation, StringComparer.Ordinal).ThenBy(s => s.Level)
            .ThenBy(s => s.Zone?.ToString() ?? s.State ?? "", StringComparer.Ordinal).ThenBy(s => s.District ?? "", StringComparer.Ordinal).ThenBy(s => s.Mandal ?? "", StringComparer.Ordinal)
            .ToList();

        var holders = groups.Select(g => (g.Key.CellCode, Path: new UnitPath(g.Key.Level, g.Key.Zone, g.Key.StateCode, g.Key.DistrictCode, g.Key.MandalCode), g.Used)).ToList();
        // Seats per (cell, level, unit) in one pass over the holder groups, so each cap is a lookup (caps x groups at scale otherwise).
        var usedIn = new Dictionary<(string Cell, Level Level, string Unit), int>();
        foreach (var h in holders)
            foreach (var level in Enum.GetValues<Level>())
                if ((rules.HierarchicalCaps ? h.Path.Level >= level : h.Path.Level == level) && h.Path.UnitCodeAt(level) is { } unit)
                    usedIn[(h.CellCode, level, unit)] = usedIn.GetValueOrDefault((h.CellCode, level, unit)) + h.Used;
        int UsedIn(string cell, Level level, string unit) => usedIn.GetValueOrDefault((cell, level, unit));

        var rows = await db.LevelCapacities.AsNoTracking().ToListAsync(ct);
        var caps = new List<LevelCapUtilization>();
        foreach (var row in rows.Where(r => !r.IsBlanket))
        {
            var used = UsedIn(row.CellCode, row.Level, row.UnitCode);
            caps.Add(new LevelCapUtilization(row.CellCode, row.Level, row.UnitCode.Length == 0 ? null : row.UnitCode, false, row.Capacity, used, Math.Max(0, row.Capacity - used), Percent(used, row.Capacity)));
        }
        var unitRows = rows.Select(r => (r.CellCode, r.Level, r.UnitCode)).ToHashSet();
        foreach (var row in rows.Where(r => r.IsBlanket))
        {
            var units = holders.Where(h => h.CellCode == row.CellCode && h.Path.Level >= row.Level && (rules.HierarchicalCaps || h.Path.Level == row.Level))
                .Select(h => h.Path.UnitCodeAt(row.Level)!).Distinct()
                .Where(u => !unitRows.Contains((row.CellCode, row.Level, u)));
            foreach (var unit in units)
            {
                var used = UsedIn(row.CellCode, row.Level, unit);
                caps.Add(new LevelCapUtilization(row.CellCode, row.Level, unit, true, row.Capacity, used, Math.Max(0, row.Capacity - used), Percent(used, row.Capacity)));
            }
        }
        var ordered = caps.OrderBy(c => c.Cell, StringComparer.Ordinal).ThenBy(c => c.Level).ThenBy(c => c.Unit ?? "", StringComparer.Ordinal).ToList();
        return new MembershipUtilizationReport(rules.Now, scopes, ordered);
    }

    /// <summary>
    /// One unit or NATIONAL level-cap row as the report lists it (used counted like the seat check,
    /// <see cref="SeatCounting.InCapScope"/>); null for a missing row or a blanket row (a blanket row
    /// is one cap per unit, so a row id alone names no single cap). Used by the alert evaluation of
    /// level caps right after a seat is taken.
    /// </summary>
    internal async Task<LevelCapUtilization?> GetLevelCapAsync(CapacityDbContext db, Guid levelCapacityId, CancellationToken ct)
    {
        var row = await db.LevelCapacities.AsNoTracking().FirstOrDefaultAsync(r => r.Id == levelCapacityId, ct);
        if (row is null || row.IsBlanket) return null;
        var rules = await MembershipSettingsReader.ReadRulesAsync(db, options.Value, clock, ct);
        var used = await db.Memberships.AsNoTracking().InCapScope(row.CellCode, row.Level, row.UnitCode, rules.HierarchicalCaps)
            .Where(rules.HoldsSeat).CountAsync(ct);
        return new LevelCapUtilization(row.CellCode, row.Level, row.UnitCode.Length == 0 ? null : row.UnitCode, false, row.Capacity, used,
            Math.Max(0, row.Capacity - used), Percent(used, row.Capacity));
    }

    /// <summary>used / capacity in percent, 2 places, half away from zero; a zero capacity in use reads 100 %.</summary>
    public static decimal Percent(int used, int capacity) =>
        capacity == 0 ? (used == 0 ? 0m : 100m) : Math.Round(100m * used / capacity, 2, MidpointRounding.AwayFromZero);
}
