namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// Used, limit and hard limit of one pool in whole units: places, or credit cents
/// (<paramref name="UnitsPerWhole"/> = 100). Everything derived from it is exact integer arithmetic.
/// </summary>
public readonly record struct CapacityMeasure(long Used, long Limit, long HardLimit, int UnitsPerWhole = 1)
{
    public decimal Utilization => CapacityPolicy.Utilization(Used, Limit, UnitsPerWhole);

    public CapacityBand Band => CapacityPolicy.Band(Used, Limit);

    public CapacityFlags Flags => CapacityPolicy.Flags(Used, Limit, HardLimit);

    public bool Allows(long amount) => CapacityPolicy.Allows(Used, amount, HardLimit);

    public CapacityMeasure With(long used) => this with { Used = used };

    public decimal ToWhole(long units) => units / (decimal)UnitsPerWhole;
}
