using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

public sealed record CellView(string Code, string Name, bool IsActive)
{
    public static CellView From(Cell c) => new(c.Code, c.Name, c.IsActive);
}

public sealed record DesignationView(string Code, string Name, int DefaultCapacity, decimal Fee, int ValidityDays, int Rank,
    IReadOnlyDictionary<Level, int> LevelCapacities)
{
    public static DesignationView From(Designation d) => new(d.Code, d.Name, d.DefaultCapacity, d.Fee, d.ValidityDays, d.Rank,
        d.LevelCapacities.OrderBy(o => o.Level).ToDictionary(o => o.Level, o => o.Capacity));
}

public sealed record CreateDesignationRequest(string? Code, string? Name, int DefaultCapacity, decimal? Fee = null, int? ValidityDays = null, int? Rank = null);

public sealed record UpdateDesignationRequest(int? DefaultCapacity, decimal? Fee, int? ValidityDays, string? Reason, string? Name = null, int? Rank = null);

/// <summary>A level-capacity row as listed: the unit of its level (none for blanket and NATIONAL rows).</summary>
public sealed record LevelCapacityView(Guid Id, string Cell, Level Level, Zone? Zone, string? State, string? District, string? Mandal,
    int Capacity, int? Used, bool IsBlanket);

/// <summary>Names one row: cell, level and the unit of that level (absent for a blanket row).</summary>
public sealed record LevelCapacityKey(string? Cell, Level Level, string? Zone = null, string? State = null, string? District = null, string? Mandal = null)
{
    public UnitSelection Units => UnitSelection.Create(Zone, State, District, Mandal);
}

public sealed record LevelCapacityRequest(LevelCapacityKey Key, int Capacity, string? Reason);
