using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>A role members hold (President, Secretary, ...) with seats per scope, a fee and a validity.</summary>
public class Designation
{
    public const int DefaultValidityDays = 365;

    private readonly List<DesignationLevelCapacity> _levelCapacities = [];

    private Designation() { }

    public Designation(string code, string name, int defaultCapacity, decimal fee, int validityDays, int rank)
    {
        Code = code;
        Name = name;
        DefaultCapacity = defaultCapacity;
        Fee = fee;
        ValidityDays = validityDays;
        Rank = rank;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int DefaultCapacity { get; private set; }
    public decimal Fee { get; private set; }
    public int ValidityDays { get; private set; }
    public int Rank { get; private set; }

    public IReadOnlyCollection<DesignationLevelCapacity> LevelCapacities => _levelCapacities;

    /// <summary>Seats per scope at a level: the level's override where present, else the default.</summary>
    public int CapacityAt(Level level) =>
        _levelCapacities.FirstOrDefault(o => o.Level == level)?.Capacity ?? DefaultCapacity;

    public void SetDefaultCapacity(int capacity) => DefaultCapacity = capacity;

    public void SetFee(decimal fee) => Fee = fee;

    public void SetValidityDays(int days) => ValidityDays = days;

    public void Rename(string name) => Name = name;

    public void SetRank(int rank) => Rank = rank;

    /// <summary>Sets a per-level override and returns the previous one (null when there was none).</summary>
    public int? SetLevelCapacity(Level level, int capacity)
    {
        var existing = _levelCapacities.FirstOrDefault(o => o.Level == level);
        if (existing is null)
        {
            _levelCapacities.Add(new DesignationLevelCapacity(Code, level, capacity));
            return null;
        }
        var old = existing.Capacity;
        existing.SetCapacity(capacity);
        return old;
    }

    /// <summary>Removes a per-level override and returns it (null when there was none); the default applies again.</summary>
    public int? ClearLevelCapacity(Level level)
    {
        var existing = _levelCapacities.FirstOrDefault(o => o.Level == level);
        if (existing is null) return null;
        _levelCapacities.Remove(existing);
        return existing.Capacity;
    }
}
