using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>A per-level override of a designation's seats per scope.</summary>
public class DesignationLevelCapacity
{
    private DesignationLevelCapacity() { }

    internal DesignationLevelCapacity(string designationCode, Level level, int capacity)
    {
        DesignationCode = designationCode;
        Level = level;
        Capacity = capacity;
    }

    public string DesignationCode { get; private set; } = "";
    public Level Level { get; private set; }
    public int Capacity { get; private set; }

    internal void SetCapacity(int capacity) => Capacity = capacity;
}
