using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CapacityAdmin.Web.Api.Input;

/// <summary>
/// Keeps the OpenAPI document true to the input boundary: strings and ids read by the checking converters are still
/// described as strings (a custom converter otherwise shows as an empty schema), and <c>required</c> lists exactly the
/// members the API refuses to miss (<see cref="RequestContractModifier"/>), not every constructor parameter.
/// </summary>
public static class RequestSchemaTransformer
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string))
        {
            schema.Type = JsonSchemaType.String;
            if (context.JsonPropertyInfo?.IsSetNullable != false) schema.Type |= JsonSchemaType.Null;
        }
        else if (type == typeof(Guid) || type == typeof(Guid?))
        {
            schema.Type = type == typeof(Guid) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "uuid";
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && context.JsonPropertyInfo is null
                 && type.Assembly.GetName().Name?.StartsWith("CapacityAdmin", StringComparison.Ordinal) == true)
        {
            var required = context.JsonTypeInfo.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();
            schema.Required = required.Count == 0 ? null : required;
        }
        return Task.CompletedTask;
    }
}
