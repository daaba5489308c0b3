using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Hosting;

/// <summary>
/// Secure defaults: cookies, forwarded headers from configured proxies, HSTS and HTTPS redirection in Production, security
/// headers on every answer and the public base URL. The choices are recorded in docs/decisions.md ("Hardening").
/// </summary>
public static class SecurityExtensions
{
    public static IServiceCollection AddCapacitySecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Outside Production the app also runs over plain http (dotnet run, the tests); there a cookie is Secure when the request is.
        var secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax; // Lax, not Strict: a link in an alert email must open the page signed in.
            o.Cookie.HttpOnly = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });

        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration.GetSection("ForwardedHeaders")));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddOptions<PublicAppOptions>().Bind(configuration.GetSection(PublicAppOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicAppOptions>, PublicAppOptionsValidator>();
        return services;
    }

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8), each a
    /// list or a comma-separated string. Only those are believed; loopback is always trusted (a proxy on the same machine).
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
        foreach (var proxy in Values(section, "KnownProxies"))
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var ip)
                ? ip : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in Values(section, "KnownNetworks"))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8."));
    }

    private static IEnumerable<string> Values(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.GetChildren().Select(c => c.Value).Append(child.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>First in the pipeline: the client's scheme and address from a trusted proxy, then HSTS and the https redirect in Production.</summary>
    public static WebApplication UseCapacitySecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            // Load balancers probe /healthz over plain http; everything else moves to https.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/healthz"), b => b.UseHttpsRedirection());
        }
        return app;
    }
}
