using System.Globalization;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// Strict parsing of typed numbers: what was typed stays in the field, and anything that is not a number in range is
/// reported in words (a letter is never silently erased, as MudNumericField would).
/// </summary>
public static class StrictNumber
{
    /// <summary>An error message for <paramref name="text"/>, or null when it is a whole number in [min, max] (or empty and allowed).</summary>
    public static string? IntError(string? text, int min, int max, bool allowEmpty)
    {
        if (string.IsNullOrWhiteSpace(text)) return allowEmpty ? null : "A number is required.";
        var trimmed = text.Trim();
        if (!trimmed.All(char.IsAsciiDigit) || trimmed.StartsWith('-'))
            return trimmed.StartsWith('-') && trimmed.Length > 1 && trimmed[1..].All(char.IsAsciiDigit)
                ? $"Must be {min} or more."
                : $"\"{trimmed}\" is not a whole number.";
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max) return $"Must be at most {max:N0}.";
        return value < min ? $"Must be {min} or more." : null;
    }

    public static int? ParseInt(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An amount with at most two decimals, 0 or more.</summary>
    public static string? MoneyError(string? text, decimal max)
    {
        if (string.IsNullOrWhiteSpace(text)) return "An amount is required.";
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return $"\"{text.Trim()}\" is not an amount (digits and one '.').";
        if (decimal.Round(value, 2) != value) return "At most 2 decimals.";
        return value > max ? $"Must be at most {max:N0}." : null;
    }

    public static decimal? ParseMoney(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
