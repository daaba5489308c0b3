using CapacityAdmin.Web.Components.Shared;
using System.Globalization;
using System.Text.RegularExpressions;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// Words for the membership pages: names instead of codes (levels, zones, statuses) and domain refusals turned into
/// sentences with human field names (never <c>defaultCapacity</c>, never exception text).
/// </summary>
public static partial class MembershipText
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["defaultCapacity"] = "Default capacity",
        ["fee"] = "Fee",
        ["validityDays"] = "Validity (days)",
        ["name"] = "Name",
        ["code"] = "Code",
        ["rank"] = "Rank",
        ["reason"] = "Reason",
        ["capacity"] = "Capacity",
        ["providerRef"] = "Provider reference",
        ["memberRef"] = "Member reference",
        ["expiresAt"] = "Expiry date",
        ["seatLockTimeout"] = "Seat lock timeout",
    };

    public static string Level(Level level) => level switch
    {
        Domain.Geography.Level.NATIONAL => "National",
        Domain.Geography.Level.ZONE => "Zone",
        Domain.Geography.Level.STATE => "State",
        Domain.Geography.Level.DISTRICT => "District",
        _ => "Mandal",
    };

    public static string Zone(Zone zone) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(zone.ToString().ToLowerInvariant());

    public static string Zone(string? zone) => Enum.TryParse<Zone>(zone, out var z) ? Zone(z) : zone ?? "";

    public static string Status(MembershipStatus status) => Sentence(status.ToString());

    public static string Payment(PaymentStatus status) => Sentence(status.ToString());

    /// <summary>"PENDING_APPROVAL" → "Pending approval".</summary>
    public static string Sentence(string code)
    {
        var words = code.Replace('_', ' ').ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string DateTime(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"3 used of 5 · 2 remaining".</summary>
    public static string Seats(SeatCount count) => $"{count.Used} used of {count.Capacity} · {count.Remaining} remaining";

    /// <summary>The label of a field key ("overrides.STATE" → "State override").</summary>
    public static string Field(string key)
    {
        if (FieldLabels.TryGetValue(key, out var label)) return label;
        if (key.StartsWith("overrides.", StringComparison.Ordinal) && Enum.TryParse<Level>(key["overrides.".Length..], out var level))
            return $"{Level(level)} override";
        return Sentence(CamelWords().Replace(key, "$1_$2"));
    }

    /// <summary>A domain message with raw field names replaced by their labels.</summary>
    public static string Humanize(string message)
    {
        foreach (var (key, label) in FieldLabels)
            message = Regex.Replace(message, $@"\b{key}\b", label);
        return message;
    }

    /// <summary>What a refusal means, in words: the sentence for its code (<see cref="ErrorText"/>), then the domain's detail.</summary>
    public static string Refusal(DomainError error)
    {
        var meaning = ErrorText.ForCode(error.Code);
        var detail = Humanize(error.Detail);
        return meaning is null || error.Kind == ErrorKind.Validation || detail.StartsWith(meaning.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            ? detail : $"{meaning} {detail}";
    }

    /// <summary>Field messages of a validation refusal by field key, humanized, for showing at each field.</summary>
    public static Dictionary<string, string> FieldErrors(DomainError error) =>
        error.Errors?.ToDictionary(e => e.Key, e => Humanize(string.Join(" ", e.Value)), StringComparer.Ordinal) ?? [];

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex CamelWords();
}
