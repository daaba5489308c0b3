using System.Text.Json.Serialization.Metadata;

namespace CapacityAdmin.Web.Api.Input;

/// <summary>
/// Makes the request types of the API say what they need. A non-nullable value-type member (a capacity, an amount, an id)
/// without a default is required: when it is missing the body is refused instead of reading as 0 or the empty GUID.
/// Optional members are declared nullable (<c>int?</c>) or with a default. Prose members (<see cref="InputText.FreeTextMembers"/>)
/// may contain line breaks; every other string is a name or id.
/// </summary>
public static class RequestContractModifier
{
    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly.GetName().Name?.StartsWith("CapacityAdmin", StringComparison.Ordinal) != true) return;
        // Anonymous types are only ever written (responses); they cannot be read, so nothing in them can be required.
        if (info.Type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)) return;
        foreach (var property in info.Properties)
        {
            var type = property.PropertyType;
            var deserializable = property.Set is not null || property.AssociatedParameter is not null;
            if (deserializable && type.IsValueType && Nullable.GetUnderlyingType(type) is null && property.AssociatedParameter is not { HasDefaultValue: true })
                property.IsRequired = true;
            if (type == typeof(string) && InputText.FreeTextMembers.Contains(property.Name))
                property.CustomConverter = CheckedStringConverter.FreeText;
        }
    }
}
