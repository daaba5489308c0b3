using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityAdmin.Web.Api.Input;

/// <summary>Reads strings under <see cref="InputText"/>'s rules; a refusal becomes a 400 naming the member (see <see cref="JsonInputErrors"/>).</summary>
public sealed class CheckedStringConverter(bool freeText) : JsonConverter<string>
{
    public static readonly CheckedStringConverter Name = new(freeText: false);
    public static readonly CheckedStringConverter FreeText = new(freeText: true);

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException(JsonInputErrors.WrongTypeMarker);
        var value = reader.GetString()!;
        if (InputText.Problem(value, freeText) is { } problem) throw new JsonException(problem);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>An id member that is present must name something: the empty GUID is refused like a missing one.</summary>
public sealed class NonEmptyGuidConverter : JsonConverter<Guid>
{
    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out var id)) throw new JsonException(JsonInputErrors.WrongTypeMarker);
        if (id == Guid.Empty) throw new JsonException("An id may not be the empty GUID.");
        return id;
    }

    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
