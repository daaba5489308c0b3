namespace CapacityAdmin.Domain.Seeding;

public sealed record SeedCounts(int Created, int Updated, int Removed)
{
    public override string ToString() => $"created {Created}, updated {Updated}, removed {Removed}";
}

/// <summary>What one seed run changed, per kind, and how many units advanced mode capped.</summary>
public sealed record MembershipSeedResult(
    MembershipSeedMode Mode,
    SeedCounts States,
    SeedCounts Districts,
    SeedCounts Mandals,
    SeedCounts Cells,
    SeedCounts Designations,
    SeedCounts LevelCapacities,
    int SelectedStates,
    int SelectedDistricts,
    int SelectedMandals)
{
    private IEnumerable<SeedCounts> All => [States, Districts, Mandals, Cells, Designations, LevelCapacities];

    public int Created => All.Sum(c => c.Created);
    public int Updated => All.Sum(c => c.Updated);
    public int Removed => All.Sum(c => c.Removed);

    /// <summary>The command's last line: <c>created N, updated M, removed K</c>.</summary>
    public string Summary => $"created {Created}, updated {Updated}, removed {Removed}";
}
