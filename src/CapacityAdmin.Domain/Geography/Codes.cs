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

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex CodePattern();
}
