using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// An aggregate cap that applies to a join: the scope it caps (<see cref="Level"/> and the
/// concrete <see cref="UnitCode"/>, even when it comes from a blanket row) and its capacity.
/// </summary>
public sealed record ApplicableCap(Guid LevelCapacityId, string CellCode, Level Level, string UnitCode, int Capacity, bool FromBlanketRow)
{
    public string LockKey => ScopeKeys.AggregateLock(CellCode, Level, UnitCode);
}

/// <summary>The most-specific-cap lookup (product.md §4.3.2).</summary>
public static class CapPolicy
{
    /// <summary>The columns of a <see cref="LevelCapacity"/> row the policy reads (the join's fast path reads them without EF).</summary>
    public readonly record struct CapRow(Guid Id, string CellCode, Level Level, string UnitCode, int Capacity)
    {
        public static CapRow From(LevelCapacity row) => new(row.Id, row.CellCode, row.Level, row.UnitCode, row.Capacity);
    }

    /// <summary>
    /// The governing row for one concrete scope: the row naming the unit beats the blanket row of
    /// the level; NATIONAL rows have no unit. Null when no row caps the scope.
    /// </summary>
    public static ApplicableCap? Governing(IEnumerable<LevelCapacity> cellCaps, string cellCode, Level level, string unitCode) =>
        Governing(cellCaps.Select(CapRow.From), cellCode, level, unitCode);

    public static ApplicableCap? Governing(IEnumerable<CapRow> cellCaps, string cellCode, Level level, string unitCode)
    {
        CapRow? blanket = null;
        foreach (var row in cellCaps)
        {
            if (row.CellCode != cellCode || row.Level != level) continue;
            if (row.UnitCode == unitCode) return new ApplicableCap(row.Id, cellCode, level, unitCode, row.Capacity, FromBlanketRow: false);
            if (row.UnitCode.Length == 0) blanket = row;
        }
        return blanket is not { } b ? null : new ApplicableCap(b.Id, cellCode, level, unitCode, b.Capacity, FromBlanketRow: true);
    }

    /// <summary>
    /// Every cap a join at <paramref name="path"/> must have room in: the governing cap of its own
    /// level and, with hierarchical caps on, the governing cap of every ancestor level too.
    /// Ordered by lock key, the global order in which their scopes are locked.
    /// </summary>
    public static IReadOnlyList<ApplicableCap> Applicable(IEnumerable<LevelCapacity> cellCaps, string cellCode, UnitPath path, bool hierarchical) =>
        Applicable(cellCaps.Select(CapRow.From).ToList(), cellCode, path, hierarchical);

    public static IReadOnlyList<ApplicableCap> Applicable(IReadOnlyCollection<CapRow> rows, string cellCode, UnitPath path, bool hierarchical)
    {
        var levels = hierarchical ? Enum.GetValues<Level>().Where(l => l <= path.Level) : [path.Level];
        var caps = new List<ApplicableCap>();
        foreach (var level in levels)
        {
            var unit = path.UnitCodeAt(level) ?? throw new InvalidOperationException($"The path has no {level} unit.");
            if (Governing(rows, cellCode, level, unit) is { } cap) caps.Add(cap);
        }
        return caps.OrderBy(c => c.LockKey, StringComparer.Ordinal).ToList();
    }
}
