using System.Text.RegularExpressions;

namespace CapacityAdmin.Domain.Geography;

/// <summary>
/// Codes of units, cells and designations: trimmed, upper case, letters, digits, '-', '_' and '.'.
/// The separator of scope keys ('|') can therefore never appear in a code.
/// </summary>
public static partial class Codes
{
    public const int MaxLength = 40;
    public const int NameMaxLength = 200;

    public static string? Normalize(string? code)
    {
        var trimmed = code?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToUpperInvariant();
    }

    public static bool IsValid(string? normalized) =>
        normalized is { Length: > 0 and <= MaxLength } && CodePattern().IsMatch(normalized);

    public static bool TryParseEnum<TEnum>(string? value, out TEnum result) where TEnum : struct, Enum
    {
        result = default;
        var trimmed = value?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && !char.IsDigit(trimmed[0]) && trimmed[0] != '-'
            && Enum.TryParse(trimmed, ignoreCase: true, out result)
            && Enum.IsDefined(result);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex CodePattern();
}
