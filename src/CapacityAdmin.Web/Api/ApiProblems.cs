using CapacityAdmin.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CapacityAdmin.Web.Api;

/// <summary>The one place where domain refusals become HTTP problem details with a <c>code</c> member.</summary>
public static class ApiProblems
{
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    public static ProblemHttpResult Create(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?> { ["code"] = code };
        if (extensions is not null)
            foreach (var (k, v) in extensions) ext[k] = v;
        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleFor(status), extensions: ext);
    }

    public static ProblemHttpResult From(DomainError error)
    {
        var extensions = new Dictionary<string, object?>();
        if (error.Errors is not null) extensions["errors"] = error.Errors;
        if (error.Extensions is not null)
            foreach (var (k, v) in error.Extensions) extensions[k] = v;
        return Create(StatusFor(error.Kind), error.Code, error.Detail, extensions);
    }

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The default code for an error that did not come from the domain (bad JSON, unknown route, a crash).</summary>
    public static string DefaultCodeFor(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => MethodNotAllowed,
        413 => "PAYLOAD_TOO_LARGE",
        414 => "QUERY_TOO_LONG",
        415 => UnsupportedMediaType,
        _ when status >= 500 => "INTERNAL_ERROR",
        _ => "ERROR",
    };

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        _ => "Error",
    };
}
