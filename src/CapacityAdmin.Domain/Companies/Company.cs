namespace CapacityAdmin.Domain.Companies;

/// <summary>A customer that buys capacity for its campaigns.</summary>
public class Company
{
    public const int NameMaxLength = 200;

    private Company() { }

    public Company(string name, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public void Rename(string name) => Name = name.Trim();
}
