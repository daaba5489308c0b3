namespace CapacityAdmin.Domain.Geography;

/// <summary>A state, in exactly one zone.</summary>
public class State
{
    private State() { }

    public State(string code, string name, Zone zone)
    {
        Code = code;
        Name = name;
        Zone = zone;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Zone Zone { get; private set; }

    /// <summary>Returns true when something changed.</summary>
    public bool Update(string name, Zone zone)
    {
        if (Name == name && Zone == zone) return false;
        Name = name;
        Zone = zone;
        return true;
    }
}
