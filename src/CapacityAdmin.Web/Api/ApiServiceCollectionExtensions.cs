using CapacityAdmin.Domain.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CapacityAdmin.Web.Api.Input;
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
            o.SerializerOptions.Converters.Add(WireNames.JsonConverter());
            // The input boundary (api-v1.md "Input"): no duplicate keys, no null where the type says non-null, required
            // members really required, no control characters in names and ids, no string longer than any column.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(CheckedStringConverter.Name);
            o.SerializerOptions.Converters.Add(new NonEmptyGuidConverter());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequestContractModifier.Apply);
        });
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        // Long request lines reach the app, so an over-long query is answered with a problem document (ApiRequestGuard)
        // rather than Kestrel's empty 414.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Every error the API answers carries a stable code, including framework ones (bad JSON, 404 routes, crashes).
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ApiProblems.DefaultCodeFor(status));
        });
        // Unbindable bodies (bad JSON, unknown enum names) raise so that the problem hook above can explain them.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CapacityAdmin API";
            document.Info.Version = "v1";
            document.Info.Description = "Enforcement API: consume and provision capacity. Authenticate with `Authorization: Bearer <api key>`.";
            return Task.CompletedTask;
        }).AddSchemaTransformer(RequestSchemaTransformer.TransformAsync));
        return services;
    }

    public static WebApplication UseCapacityApiErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor, SuppressDiagnosticsCallback = IsClientError });
            api.UseStatusCodePages();
            api.UseApiRequestGuard();
        });
        return app;
    }

    /// <summary>A request the framework could not read is the client's mistake: no error-level entry with a stack trace.</summary>
    public static bool IsClientError(ExceptionHandlerSuppressDiagnosticsContext context) => context.Exception is BadHttpRequestException;

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
