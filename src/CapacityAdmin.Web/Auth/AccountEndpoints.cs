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

    // Only local paths: never let a crafted link bounce a freshly signed-in user to another site.
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
}
