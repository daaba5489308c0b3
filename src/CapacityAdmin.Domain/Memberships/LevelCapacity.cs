using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// An aggregate cap: all designations of a cell together at one scope. <see cref="UnitCode"/> is
/// the unit of <see cref="Level"/> (a zone name or a unit code), or "" for a blanket row that caps
/// each unit of its level separately, and always "" for NATIONAL. Non-nullable on purpose: the
/// unique index over (cell, level, unit) would not hold with NULLs.
/// </summary>
public class LevelCapacity
{
    private LevelCapacity() { }

    public LevelCapacity(string cellCode, Level level, string unitCode, int capacity)
    {
        Id = Guid.NewGuid();
        CellCode = cellCode;
        Level = level;
        UnitCode = unitCode;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }
    public string CellCode { get; private set; } = "";
    public Level Level { get; private set; }
    public string UnitCode { get; private set; } = "";
    public int Capacity { get; private set; }

    /// <summary>A row without a unit below NATIONAL: one cap per unit of its level.</summary>
    public bool IsBlanket => UnitCode.Length == 0 && Level != Level.NATIONAL;

    public void SetCapacity(int capacity) => Capacity = capacity;
}
