using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityAdmin.Domain.Common;

/// <summary>
/// The one spelling of every enum outside the process (api-v1.md): JSON, query strings and route values, CSV and the UI.
/// A member's wire name is its <see cref="JsonStringEnumMemberNameAttribute"/> when it has one (membership enums keep their
/// upper-case names, <c>levelCapacity</c>, the <c>cs</c> recipient), otherwise snake_case_lower of its name. The API's JSON
/// converter is <see cref="JsonConverter"/>, built on the same policy and reading the same attribute, so what the API writes
/// through JSON and through <see cref="Of{T}"/> never differ, and <see cref="TryParse{T}"/> reads what either wrote.
/// </summary>
public static class WireNames
{
    public static JsonNamingPolicy Policy => JsonNamingPolicy.SnakeCaseLower;

    /// <summary>The JSON converter of the API (integers are refused: an enum is always named).</summary>
    public static JsonStringEnumConverter JsonConverter() => new(Policy, allowIntegerValues: false);

    private static readonly ConcurrentDictionary<Type, (IReadOnlyDictionary<long, string> ByValue, IReadOnlyDictionary<string, long> ByName)> Tables = new();

    public static string Of<T>(T value) where T : struct, Enum =>
        Table(typeof(T)).ByValue.TryGetValue(Convert.ToInt64(value), out var name) ? name : Policy.ConvertName(value.ToString());

    /// <summary>Every wire name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => All(typeof(T));

    public static IReadOnlyList<string> All(Type enumType) => Table(enumType).ByValue.Values.ToList();

    /// <summary>
    /// A wire name, ignoring case and underscores, so <c>volunteer_seats</c>, <c>VolunteerSeats</c> and <c>PENDING_PAYMENT</c>
    /// / <c>pending_payment</c> are all read. Numbers are never read as enums.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !Table(typeof(T)).ByName.TryGetValue(Canonical(text), out var raw)) return false;
        value = (T)Enum.ToObject(typeof(T), raw);
        return true;
    }

    /// <summary>An optional query or body value: blank is null, an unknown name a 400 naming the field and the accepted names.</summary>
    public static Result<T?> Parse<T>(string? text, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return Result<T?>.Success(null);
        return TryParse<T>(text, out var value) ? Result<T?>.Success(value) : Invalid<T>(text, field);
    }

    /// <summary>A required value: blank or unknown is a 400 naming the field and the accepted names.</summary>
    public static Result<T> ParseRequired<T>(string? text, string field) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : Invalid<T>(text, field);

    public static DomainError Invalid<T>(string? text, string field) where T : struct, Enum =>
        DomainError.Validation(field, $"'{text}' is not a valid {field}; use one of {string.Join(", ", All<T>())}.");

    private static (IReadOnlyDictionary<long, string> ByValue, IReadOnlyDictionary<string, long> ByName) Table(Type enumType) =>
        Tables.GetOrAdd(enumType, static type =>
        {
            var byValue = new Dictionary<long, string>();
            var byName = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var raw = Convert.ToInt64(field.GetValue(null));
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name);
                byValue.TryAdd(raw, name);
                byName.TryAdd(Canonical(name), raw);
                byName.TryAdd(Canonical(field.Name), raw);
            }
            return (byValue, byName);
        });

    private static string Canonical(string name) => name.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
