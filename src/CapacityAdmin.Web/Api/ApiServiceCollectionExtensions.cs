using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;

namespace CapacityAdmin.Web.Api;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddCapacityApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Optional members of the contract (marked "?") are left out rather than sent as null.
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Every error the API answers carries a stable code, including framework ones (bad JSON, 404 routes, crashes).
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ApiProblems.DefaultCodeFor(status));
            if (context.Exception is BadHttpRequestException bad && status == 400)
            {
                var detail = bad.InnerException?.Message ?? bad.Message;
                context.ProblemDetails.Detail ??= detail;
                context.ProblemDetails.Extensions.TryAdd("errors", new Dictionary<string, string[]> { ["body"] = [detail] });
            }
        });
        // Unbindable bodies (bad JSON, unknown enum names) raise so that the problem hook above can explain them.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CapacityAdmin API";
            document.Info.Version = "v1";
            document.Info.Description = "Enforcement API: consume and provision capacity. Authenticate with `Authorization: Bearer <api key>`.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseCapacityApiErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        return app;
    }

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
