using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Domain.Common;

/// <summary>Who may do what with capacity (product.md §1). Tenancy is checked separately, per company.</summary>
public static class CapacityAccess
{
    /// <summary>Consumption (enroll, release, credits): Administrator, Customer Success and Integration keys.</summary>
    public static bool CanConsume(Actor actor) =>
        actor.IsInRole(Roles.Administrator) || actor.IsInRole(Roles.CustomerSuccess) || actor.IsInRole(Roles.Integration);

    public static DomainError? RequireConsumer(Actor actor) =>
        CanConsume(actor) ? null : DomainError.Forbidden("Only Administrators, Customer Success and Integration keys consume capacity.");

    public static DomainError? RequireEditor(Actor actor) =>
        actor.CanEditCapacity ? null : DomainError.Forbidden("Only Administrators and Customer Success change capacity.");
}
