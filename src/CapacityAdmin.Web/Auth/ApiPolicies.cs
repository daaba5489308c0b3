using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CapacityAdmin.Web.Auth;

/// <summary>Authorization policies of the HTTP API (api-v1.md "Roles"). Every one authenticates by API key only.</summary>
public static class ApiPolicies
{
    /// <summary>Any valid key; tenancy is then enforced by the domain queries.</summary>
    public const string Read = "api:read";
    /// <summary>Creating and changing capacity: Administrator and CustomerSuccess.</summary>
    public const string Manage = "api:manage";
    /// <summary>Consumption operations: Administrator, CustomerSuccess and Integration.</summary>
    public const string Consume = "api:consume";
    /// <summary>Users, API keys, settings and jobs: Administrator.</summary>
    public const string Administer = "api:administer";
    /// <summary>Staff-only reads (jobs): Administrator, CustomerSuccess, Sales.</summary>
    public const string StaffRead = "api:staff-read";
    /// <summary>Upsell fields of alerts: Sales, CustomerSuccess, Administrator.</summary>
    public const string Upsell = "api:upsell";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
        .AddPolicy(Manage, p => ApiKeyWith(p, Permission.EditCapacity))
        .AddPolicy(Consume, p => ApiKeyWith(p, Permission.Consume))
        .AddPolicy(Administer, p => ApiKeyWith(p, Permission.Administer))
        .AddPolicy(StaffRead, p => ApiKeyWith(p, Permission.ReadOperations))
        .AddPolicy(Upsell, p => ApiKeyWith(p, Permission.WorkUpsell));

    /// <summary>An early 403 at the edge from the same table the domain checks again (<see cref="Permissions"/>).</summary>
    private static void ApiKeyWith(AuthorizationPolicyBuilder policy, Permission permission) =>
        policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Permissions.RolesFor(permission));
}
