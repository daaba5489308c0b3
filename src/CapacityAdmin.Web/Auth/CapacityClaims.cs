using System.Security.Claims;
using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Web.Auth;

/// <summary>Turns the signed-in principal (cookie or API key) into the domain's <see cref="Actor"/>.</summary>
public static class CapacityClaims
{
    public const string CompanyId = "capacity:company";
    public const string DisplayName = "capacity:display_name";

    /// <summary>Present while the user still signs in with a one-time password: every page but the change-password page is closed.</summary>
    public const string MustChangePassword = "capacity:must_change_password";

    // A person holds one role; if an administrator gave several, the widest one wins.
    private static readonly string[] Precedence = [Roles.Administrator, Roles.CustomerSuccess, Roles.Sales, Roles.CompanyAdmin, Roles.Integration];

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var role = Precedence.FirstOrDefault(principal.IsInRole) ?? "";
        var company = principal.FindFirstValue(CompanyId);
        return new Actor(principal.Identity?.Name ?? "anonymous", role, Guid.TryParse(company, out var id) ? id : null);
    }

    public static bool MustChangePasswordOf(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == MustChangePassword);

    public static string DisplayNameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
}
