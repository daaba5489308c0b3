namespace CapacityAdmin.Domain.Geography;

/// <summary>A district of one state; its zone is the state's.</summary>
public class District
{
    private District() { }

    public District(string code, string name, string stateCode)
    {
        Code = code;
        Name = name;
        StateCode = stateCode;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string StateCode { get; private set; } = "";
    public State? State { get; private set; }

    public bool Update(string name, string stateCode)
    {
        if (Name == name && StateCode == stateCode) return false;
        Name = name;
        StateCode = stateCode;
        return true;
    }
}
