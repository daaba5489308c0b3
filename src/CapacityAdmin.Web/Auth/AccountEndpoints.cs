using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CapacityAdmin.Web.Auth;

/// <summary>Sign-in and sign-out form posts (the login page is static server rendering).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");

        group.MapPost("/login", async ([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<ApplicationUser> signIn) =>
        {
            var target = SafeReturnUrl(returnUrl);
            if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
                return TypedResults.LocalRedirect(LoginUrl("missing", target));
            var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return TypedResults.LocalRedirect(target);
            return TypedResults.LocalRedirect(LoginUrl(result.IsLockedOut ? "locked" : "invalid", target));
        }).AllowAnonymous();

        // Binding a form field makes the antiforgery middleware validate the token: no cross-site sign-out.
        group.MapPost("/logout", async ([FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login?signedOut=1");
        });

        return app;
    }

    private static string LoginUrl(string error, string returnUrl) =>
        $"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// Only a local path of printable ASCII: never let a crafted link bounce a freshly signed-in user to another site
    /// (<c>//evil</c>, <c>/\evil</c>, an absolute URL) or break the redirect (a tab, CR or LF made LocalRedirect throw a 500).
    /// Anything else falls back to the home page.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || returnUrl[0] != '/') return "/";
        if (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\') return "/";
        foreach (var c in returnUrl)
            if (c is < (char)0x21 or > (char)0x7E or '\\') return "/";
        return returnUrl;
    }
}
