namespace CapacityAdmin.Domain.Identity;

/// <summary>
/// Who is acting: a signed-in user or an API key. Every domain read and write takes an actor; what it may do and which
/// company it sees are asked of <see cref="Permissions"/>.
/// </summary>
public sealed record Actor(string Name, string Role, Guid? CompanyId)
{
    public static Actor System { get; } = new("system", Roles.Administrator, null);

    public bool IsCompanyBound => CompanyId is not null;
}
