using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Identity;

/// <summary>What an actor may do (product.md §1, api-v1.md "Roles"). Tenancy is the separate <see cref="Permissions.CanSeeCompany"/>.</summary>
public enum Permission
{
    /// <summary>Enroll, release and consume credits; join members, record payments.</summary>
    Consume,
    /// <summary>Change capacities, campaigns, bundles, companies, the membership catalogue, geography and memberships.</summary>
    EditCapacity,
    /// <summary>Memberships, availability, the catalogue, geography and their history (memberships belong to no company).</summary>
    ReadMemberships,
    /// <summary>Alerts; a company admin only its own company's.</summary>
    ReadAlerts,
    /// <summary>Acknowledge and snooze alerts, work the attention queue.</summary>
    HandleAlerts,
    /// <summary>The upsell list and its fields.</summary>
    WorkUpsell,
    /// <summary>Ask for more capacity: a company admin for its company, or staff on its behalf.</summary>
    RequestCapacity,
    /// <summary>Staff reads of how the system runs: settings, jobs, delivery attempts.</summary>
    ReadOperations,
    /// <summary>Users, API keys, settings and running jobs.</summary>
    Administer,
}

/// <summary>
/// The one permission table: every service, page and API policy asks it (<c>actor.May(...)</c>, <c>actor.Refusal(...)</c>,
/// <c>actor.CanSeeCompany(...)</c>), so a role's rights are read in one place.
/// </summary>
public static class Permissions
{
    private static readonly IReadOnlyDictionary<Permission, string[]> Grants = new Dictionary<Permission, string[]>
    {
        [Permission.Consume] = [Roles.Administrator, Roles.CustomerSuccess, Roles.Integration],
        [Permission.EditCapacity] = [Roles.Administrator, Roles.CustomerSuccess],
        [Permission.ReadMemberships] = [Roles.Administrator, Roles.CustomerSuccess, Roles.Sales, Roles.Integration],
        [Permission.ReadAlerts] = [Roles.Administrator, Roles.CustomerSuccess, Roles.Sales, Roles.CompanyAdmin],
        [Permission.HandleAlerts] = [Roles.Administrator, Roles.CustomerSuccess],
        [Permission.WorkUpsell] = [Roles.Administrator, Roles.CustomerSuccess, Roles.Sales],
        [Permission.RequestCapacity] = [Roles.Administrator, Roles.CustomerSuccess, Roles.CompanyAdmin],
        [Permission.ReadOperations] = [Roles.Administrator, Roles.CustomerSuccess, Roles.Sales],
        [Permission.Administer] = [Roles.Administrator],
    };

    /// <summary>The roles that hold a permission (the API's authorization policies are built from this).</summary>
    public static IReadOnlyList<string> RolesFor(Permission permission) => Grants[permission];

    public static bool May(this Actor actor, Permission permission) => Grants[permission].Contains(actor.Role, StringComparer.Ordinal);

    /// <summary>Null when allowed; otherwise the 403 refusal naming what was refused and who may do it.</summary>
    public static DomainError? Refusal(this Actor actor, Permission permission, string what) =>
        actor.May(permission) ? null : DomainError.Forbidden($"Your role may not {what} (only {string.Join(", ", Grants[permission])}).");

    /// <summary>Tenancy: a company-bound actor sees only its own company.</summary>
    public static bool CanSeeCompany(this Actor actor, Guid companyId) => actor.CompanyId is null || actor.CompanyId == companyId;
}
