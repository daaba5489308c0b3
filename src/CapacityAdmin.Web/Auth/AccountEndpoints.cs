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

        // Everyone may change their password; after a one-time password they must. The new cookie drops the gate's claim.
        group.MapPost("/change-password", async ([FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword,
            HttpContext http, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) =>
        {
            var user = await users.GetUserAsync(http.User);
            if (user is null) return TypedResults.LocalRedirect("/login");
            var result = await PasswordChange.ApplyAsync(users, user, currentPassword, newPassword, confirmPassword);
            if (result is not null) return TypedResults.LocalRedirect($"{PasswordChangeGate.PagePath}?error={result}");
            await signIn.RefreshSignInAsync(user);
            return TypedResults.LocalRedirect("/?passwordChanged=1");
        });

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
