using System.Text.Json;
using CapacityAdmin.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace CapacityAdmin.Web.Api.Input;

/// <summary>
/// A request the framework could not read (bad JSON, a missing body, an unbindable query value, a wrong content type) is the
/// client's mistake: on the API it is answered as a problem naming the field, and it is logged at Information without a
/// stack trace. Handled here, the exception handler middleware writes no error-level entry for it.
/// </summary>
public sealed class ClientErrorExceptionHandler(ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        logger.LogInformation("Refused {Method} {Path}: {Status} {Reason}", context.Request.Method, context.Request.Path, bad.StatusCode,
            bad.InnerException?.GetType().Name ?? "BadHttpRequest");
        if (!context.Request.Path.StartsWithSegments("/api")) return false;

        var problem = bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(415, ApiProblems.UnsupportedMediaType, "Send the body as application/json."),
            StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(413, "PAYLOAD_TOO_LARGE", "The request body is too large."),
            _ => Validation(bad),
        };
        context.Response.Clear();
        await problem.ExecuteAsync(context);
        return true;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Validation(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var (detail, errors) = JsonInputErrors.Describe(json);
            return ApiProblems.From(DomainError.Validation(detail, errors));
        }
        var (field, message) = JsonInputErrors.Explain(bad);
        return ApiProblems.From(DomainError.Validation(message, new Dictionary<string, string[]> { [field] = [message] }));
    }
}
