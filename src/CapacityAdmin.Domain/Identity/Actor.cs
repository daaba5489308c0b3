namespace CapacityAdmin.Domain.Identity;

/// <summary>
/// Who is acting: a signed-in user or an API key. Domain queries take an actor so that tenancy
/// (a company-bound actor sees only its company) is enforced below the UI and the API.
/// </summary>
public sealed record Actor(string Name, string Role, Guid? CompanyId)
{
    public static Actor System { get; } = new("system", Roles.Administrator, null);

    public bool IsCompanyBound => CompanyId is not null;

    public bool CanSeeCompany(Guid companyId) => CompanyId is null || CompanyId == companyId;

    public bool IsInRole(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    public bool CanEditCapacity => IsInRole(Roles.Administrator) || IsInRole(Roles.CustomerSuccess);

    public bool IsAdministrator => IsInRole(Roles.Administrator);
}
