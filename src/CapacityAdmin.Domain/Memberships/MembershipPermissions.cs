using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>Who may do what in the membership area (product.md §1, api-v1.md "Roles").</summary>
public static class MembershipPermissions
{
    /// <summary>Join, pay, read availability: the systems that join members, CS and Administrators.</summary>
    public static bool CanConsume(Actor actor) =>
        actor.IsInRole(Roles.Administrator) || actor.IsInRole(Roles.CustomerSuccess) || actor.IsInRole(Roles.Integration);

    /// <summary>Every role but company admins (memberships belong to no company).</summary>
    public static bool CanRead(Actor actor) => !actor.IsInRole(Roles.CompanyAdmin) && Roles.IsKnown(actor.Role);

    /// <summary>Approve, revoke, reactivate, reassign, change expiry, activate without payment, edit capacities.</summary>
    public static bool CanManage(Actor actor) => actor.CanEditCapacity;

    public static DomainError Forbidden(string what) => DomainError.Forbidden($"Your role may not {what}.");
}
