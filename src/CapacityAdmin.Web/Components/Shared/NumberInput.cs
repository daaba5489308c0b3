using System.Globalization;
using System.Text.RegularExpressions;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// The one strict number input of every form: the text a person typed is kept as typed (never cleared, as MudNumericField
/// would), and what is wrong with it is said at the field ("Enter a whole number (digits only)", "Too large: at most
/// 1,000,000"). Also turns server refusals into human messages at the right field, without raw field names or exception text.
/// </summary>
public static partial class NumberInput
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Parses <paramref name="text"/>: a whole number when <paramref name="decimals"/> is 0, else up to that many decimals.</summary>
    public static (decimal? Value, string? Error) Parse(string? text, decimal min, decimal max, int decimals, bool required = true)
    {
        var trimmed = text?.Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed)) return (null, required ? "Enter a number" : null);
        var pattern = decimals == 0 ? WholeNumber() : DecimalNumber();
        if (!pattern.IsMatch(trimmed))
            return (null, decimals == 0 ? "Enter a whole number (digits only)" : "Enter a number (digits and one decimal point only)");
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Culture, out var value))
            return (null, $"Too large: at most {Format(max, decimals)}");
        if (decimal.Round(value, decimals) != value) return (null, decimals == 0 ? "Enter a whole number" : $"At most {decimals} decimals");
        if (value < min) return (null, $"At least {Format(min, decimals)}");
        if (value > max) return (null, $"Too large: at most {Format(max, decimals)}");
        return (value, null);
    }

    /// <summary>The message for a whole number outside [min, max] or not a number; null when fine (or empty and allowed).</summary>
    public static string? WholeError(string? text, int min, int max, bool allowEmpty = false) => Parse(text, min, max, 0, !allowEmpty).Error;

    /// <summary>The whole number typed, or null when the text is not one.</summary>
    public static int? Whole(string? text) => Parse(text, int.MinValue, int.MaxValue, 0, required: false).Value is { } v ? (int)v : null;

    /// <summary>The message for an amount (0 or more, at most 2 decimals) that is not valid; null when fine.</summary>
    public static string? MoneyError(string? text, decimal max) => Parse(text, 0m, max, 2).Error;

    /// <summary>The amount typed (at most 2 decimals), or null when the text is not one.</summary>
    public static decimal? Money(string? text) => Parse(text, 0m, decimal.MaxValue, 2, required: false).Value;

    public static string Format(decimal value, int decimals) =>
        value.ToString(decimals == 0 ? "#,##0" : "#,##0.##", Culture);

    public static string? Text(decimal? value) => value?.ToString("0.######", Culture);

    /// <summary>
    /// The message of a server refusal for one field, for people: the raw field name becomes its label
    /// ("committedSeats lies between…" → "Committed seats lies between…"), exception tails are dropped.
    /// </summary>
    public static string Humanize(string message, IReadOnlyDictionary<string, string> labels)
    {
        var text = ParameterTail().Replace(message, "").Trim();
        foreach (var (field, label) in labels) text = text.Replace(field, label, StringComparison.Ordinal);
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>Each field's human messages, and what belongs to no field of the form (shown above the buttons).</summary>
    public static (Dictionary<string, string> Fields, string? General) Split(DomainError error, IReadOnlyDictionary<string, string> labels)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var general = new List<string>();
        foreach (var (field, messages) in error.Errors ?? new Dictionary<string, string[]>())
        {
            var text = string.Join(" ", messages.Select(m => Humanize(m, labels)));
            if (labels.ContainsKey(field)) fields[field] = text;
            else general.Add(text);
        }
        if (fields.Count == 0 && general.Count == 0) general.Add(Humanize(error.Detail, labels));
        return (fields, general.Count == 0 ? null : string.Join(" ", general));
    }

    [GeneratedRegex(@"^[+]?\d+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[+]?(\d+([.]\d*)?|[.]\d+)$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterTail();
}
