using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Api;

/// <summary>Parses the lower-case / snake_case enum names of the contract from query strings.</summary>
public static class ApiEnums
{
    public static Result<T?> Parse<T>(string? value, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return Result<T?>.Success(null);
        var normalized = value.Replace("_", "", StringComparison.Ordinal);
        if (Enum.TryParse<T>(normalized, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return Result<T?>.Success(parsed);
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(ToContractName));
        return DomainError.Validation(field, $"'{value}' is not a valid {field}; use one of {allowed}.");
    }

    public static string ToContractName<T>(T value) where T : struct, Enum => ToContractName(value.ToString());

    private static string ToContractName(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
