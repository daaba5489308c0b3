using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Hosting;

/// <summary>
/// <c>App:PublicBaseUrl</c>: the address people open the app at (e.g. https://capacity.example.org), used for the links in
/// emails. Production refuses to start without an absolute https URL: behind a load balancer the app cannot know it, and
/// a silent fallback sent alert emails pointing at http://127.0.0.1:5080.
/// </summary>
public sealed class PublicAppOptions
{
    public const string SectionName = "App";

    public string? PublicBaseUrl { get; set; }
}

public sealed class PublicAppOptionsValidator(IHostEnvironment environment) : IValidateOptions<PublicAppOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicAppOptions options)
    {
        var url = options.PublicBaseUrl?.Trim();
        if (string.IsNullOrEmpty(url))
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail("App:PublicBaseUrl is required in Production: the https address people open the app at (for the links in emails), e.g. https://capacity.example.org.")
                : ValidateOptionsResult.Success;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return ValidateOptionsResult.Fail($"App:PublicBaseUrl '{url}' must be an absolute https URL, e.g. https://capacity.example.org.");
        if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
            return ValidateOptionsResult.Fail($"App:PublicBaseUrl '{url}' must use https in Production.");
        return ValidateOptionsResult.Success;
    }
}
