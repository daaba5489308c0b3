namespace CapacityAdmin.Domain.Identity;

/// <summary>An API key for another system. Only a SHA-256 hash of the secret is stored.</summary>
public class ApiKey
{
    private ApiKey() { }

    public ApiKey(string name, string role, Guid? companyId, string prefix, string hash, DateTimeOffset createdAt, string createdBy)
    {
        Id = Guid.NewGuid();
        Name = name;
        Role = role;
        CompanyId = companyId;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Role { get; private set; } = "";
    public Guid? CompanyId { get; private set; }
    /// <summary>The first characters of the key, shown in lists so that people can tell keys apart.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset at, string by)
    {
        if (RevokedAt is not null) return;
        RevokedAt = at;
        RevokedBy = by;
    }
}
