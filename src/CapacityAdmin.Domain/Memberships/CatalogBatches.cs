using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>One cell of the level-capacity editor: a capacity to set, or null to remove the cap.</summary>
public sealed record LevelCapacityEdit(LevelCapacityKey Key, int? Capacity);

/// <summary>Every changed cell of the editor, saved together with one reason.</summary>
public sealed record LevelCapacityBatchRequest(IReadOnlyList<LevelCapacityEdit> Edits, string? Reason);

public sealed record LevelCapacityBatchOutcome(int Created, int Updated, int Removed);

/// <summary>
/// Everything the designation editor changes at once. Null values are left as they are; in
/// <see cref="Overrides"/> a level mapped to null clears that level's override (the default applies again).
/// </summary>
public sealed record DesignationEdit(int? DefaultCapacity, decimal? Fee, int? ValidityDays,
    IReadOnlyDictionary<Level, int?>? Overrides, string? Reason, string? Name = null, int? Rank = null);
