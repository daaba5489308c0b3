using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;
using Microsoft.AspNetCore.Authentication;

namespace CapacityAdmin.Web.Api.Input;

/// <summary>
/// The part of the API boundary that sits before the endpoints: query and path values free of control characters
/// (PostgreSQL refuses NUL in text), a bounded query string, and a problem document for requests no endpoint takes:
/// 404 for an unknown address, 405 for a wrong verb and 415 for a body of the wrong type (routing's own answers,
/// which carry no body), each after the API key is checked, so an anonymous caller learns nothing about the routes.
/// </summary>
public static class ApiRequestGuard
{
    public const int MaxQueryLength = 4096;

    public static IApplicationBuilder UseApiRequestGuard(this IApplicationBuilder api) => api.Use(async (context, next) =>
    {
        if (Refusal(context.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        if (context.GetEndpoint() is RouteEndpoint)
        {
            await next(context);
            return;
        }
        var auth = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (!auth.Succeeded)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }
        var endpoint = context.GetEndpoint();
        if (endpoint?.DisplayName?.StartsWith("405", StringComparison.Ordinal) == true)
        {
            // Routing's endpoint sets the Allow header and the status; the status-code pages write the problem body.
            await endpoint.RequestDelegate!(context);
            return;
        }
        if (endpoint?.DisplayName?.StartsWith("415", StringComparison.Ordinal) == true)
        {
            await ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, ApiProblems.UnsupportedMediaType,
                "This operation takes a JSON body: send it with Content-Type: application/json.").ExecuteAsync(context);
            return;
        }
        await ApiProblems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "There is no API endpoint at this address.").ExecuteAsync(context);
    });

    private static IResult? Refusal(HttpRequest request)
    {
        if (request.QueryString.Value?.Length > MaxQueryLength)
            return ApiProblems.Create(StatusCodes.Status414RequestUriTooLong, "QUERY_TOO_LONG", $"The query string has at most {MaxQueryLength} characters.");
        if (!InputText.IsClean(request.Path.Value))
            return ApiProblems.From(DomainError.Validation("path", "The address may not contain control characters."));
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in request.Query)
        {
            if (!InputText.IsClean(key)) errors["query"] = ["A query parameter name may not contain control characters."];
            else if (values.Any(v => !InputText.IsClean(v))) errors[key] = [$"{key} may not contain control characters."];
        }
        return errors.Count == 0 ? null : ApiProblems.From(DomainError.Validation("The query is not valid.", errors));
    }
}
