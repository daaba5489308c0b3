using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>Who may do what with alerts (product.md §1 and §3, api-v1.md "Roles").</summary>
public static class AlertPermissions
{
    /// <summary>Everyone but Integration keys; a company admin only its own company's alerts.</summary>
    public static bool CanRead(Actor actor) =>
        actor.IsInRole(Roles.Administrator) || actor.IsInRole(Roles.CustomerSuccess) || actor.IsInRole(Roles.Sales) || actor.IsInRole(Roles.CompanyAdmin);

    /// <summary>Acknowledge and snooze: Customer Success and Administrators.</summary>
    public static bool CanHandle(Actor actor) => actor.CanEditCapacity;

    /// <summary>The upsell list and its fields: Sales, Customer Success and Administrators.</summary>
    public static bool CanWorkUpsell(Actor actor) => actor.CanEditCapacity || actor.IsInRole(Roles.Sales);

    /// <summary>Asking for more capacity: a company admin for its company, or CS / Administrators on its behalf.</summary>
    public static bool CanRequestCapacity(Actor actor) => actor.CanEditCapacity || actor.IsInRole(Roles.CompanyAdmin);

    public static bool CanReadSettings(Actor actor) => actor.CanEditCapacity || actor.IsInRole(Roles.Sales);

    public static bool CanEditSettings(Actor actor) => actor.IsAdministrator;

    public static DomainError Forbidden(string what) => DomainError.Forbidden($"Your role may not {what}.");
}
