namespace CapacityAdmin.Web.Auth;

/// <summary>
/// Forced password change: a person who signed in with a one-time password reaches only the change-password page
/// (and sign-out) until they have chosen their own. Page requests are redirected there; the circuit hub and
/// everything else answer 403, so no page can be reached over an interactive connection either.
/// </summary>
public static class PasswordChangeGate
{
    public const string PagePath = "/account/change-password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !CapacityClaims.MustChangePasswordOf(user) || IsAllowed(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/_blazor") && !context.Request.Path.StartsWithSegments("/api"))
            context.Response.Redirect(PagePath);
        else
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
    });

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(PagePath) || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/assets")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/healthz")
        || path.StartsWithSegments("/not-found") || path.StartsWithSegments("/error")
        || (!path.StartsWithSegments("/api") && Path.HasExtension(path.Value));
}
