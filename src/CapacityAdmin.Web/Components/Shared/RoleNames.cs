using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>Roles in words ("Customer Success", not <c>CustomerSuccess</c>).</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.CustomerSuccess => "Customer Success",
        Roles.CompanyAdmin => "Company admin",
        _ => role,
    };
}
