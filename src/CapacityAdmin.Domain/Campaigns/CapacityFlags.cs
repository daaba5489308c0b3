namespace CapacityAdmin.Domain.Campaigns;

/// <summary>Flags derived from exact values on every read; never stored.</summary>
public sealed record CapacityFlags(bool IsNearCapacity, bool IsAtCapacity, bool IsOverCapacity, bool AllowsOverage);
