namespace CapacityAdmin.Web.Hosting;

/// <summary>
/// Headers on every answer, pages and API alike. The page policy is what Blazor Server and the component library need:
/// scripts only from this origin (blazor.web.js needs no eval on the server render mode), inline styles (the components
/// set style attributes), the circuit's WebSocket through <c>connect-src 'self'</c>, and no framing anywhere.
/// API answers are data: they may load nothing at all.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api") ? ApiPolicy : PagePolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
