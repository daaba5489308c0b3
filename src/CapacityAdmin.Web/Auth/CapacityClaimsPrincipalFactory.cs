using System.Security.Claims;
using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Auth;

/// <summary>Adds the user's company, display name and a pending forced password change to the sign-in cookie.</summary>
public sealed class CapacityClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CompanyId is { } companyId) identity.AddClaim(new Claim(CapacityClaims.CompanyId, companyId.ToString()));
        if (user.MustChangePassword) identity.AddClaim(new Claim(CapacityClaims.MustChangePassword, "true"));
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(CapacityClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
