namespace CapacityAdmin.Domain.Geography;

/// <summary>A mandal of one district; its state and zone are the district's.</summary>
public class Mandal
{
    private Mandal() { }

    public Mandal(string code, string name, string districtCode)
    {
        Code = code;
        Name = name;
        DistrictCode = districtCode;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public District? District { get; private set; }

    public bool Update(string name, string districtCode)
    {
        if (Name == name && DistrictCode == districtCode) return false;
        Name = name;
        DistrictCode = districtCode;
        return true;
    }
}
