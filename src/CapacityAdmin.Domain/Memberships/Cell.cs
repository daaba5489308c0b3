namespace CapacityAdmin.Domain.Memberships;

/// <summary>A wing of the organisation (General Body, Women Wing, ...). Inactive cells accept no joins.</summary>
public class Cell
{
    private Cell() { }

    public Cell(string code, string name, bool isActive)
    {
        Code = code;
        Name = name;
        IsActive = isActive;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool IsActive { get; private set; }

    public void Rename(string name) => Name = name;
}
