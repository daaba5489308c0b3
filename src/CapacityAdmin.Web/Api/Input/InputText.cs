namespace CapacityAdmin.Web.Api.Input;

/// <summary>The text rules of the API boundary: names and ids carry no control characters; free text may break lines.</summary>
public static class InputText
{
    /// <summary>The longest text column on any provider (alert notes); a longer string is refused before the domain sees it.</summary>
    public const int MaxLength = 4000;

    /// <summary>Members whose text is prose (reasons, notes): tab and line breaks are allowed there, other control characters are not.</summary>
    public static readonly IReadOnlySet<string> FreeTextMembers = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "reason", "notes", "note" };

    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string value, bool freeText)
    {
        if (value.Length > MaxLength) return $"A text has at most {MaxLength} characters.";
        foreach (var c in value)
        {
            if (!char.IsControl(c)) continue;
            if (freeText && c is '\t' or '\r' or '\n') continue;
            return freeText
                ? "A text may not contain control characters other than tab and line breaks."
                : "A name or id may not contain control characters (including NUL, tab and line breaks).";
        }
        return null;
    }

    /// <summary>True when a query or route value is safe to hand to the database (no NUL or other control character).</summary>
    public static bool IsClean(string? value) => value is null || Problem(value, freeText: false) is null;
}
