using System.Text.RegularExpressions;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// Domain refusals in words for people: a sentence per error code, field names as the labels the forms show
/// ("Committed seats", not <c>committedSeats</c>), and never exception text such as "(Parameter 'to')".
/// </summary>
public static partial class ErrorText
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        [ErrorCodes.ValidationFailed] = "Some values need correcting.",
        [ErrorCodes.Unauthorized] = "Your session has ended; sign in again.",
        [ErrorCodes.Forbidden] = "Your role does not allow this.",
        [ErrorCodes.Duplicate] = "This already exists.",
        [ErrorCodes.InvalidTransition] = "That status change is not allowed from the current status.",
        [ErrorCodes.CompanyNotFound] = "That company no longer exists.",
        [ErrorCodes.CampaignNotFound] = "That campaign no longer exists or is not yours to see.",
        [ErrorCodes.BundleNotFound] = "That bundle no longer exists or is not yours to see.",
        [ErrorCodes.UserNotFound] = "That user no longer exists.",
        [ErrorCodes.ApiKeyNotFound] = "That API key no longer exists.",
        [ErrorCodes.JobNotFound] = "There is no such job.",
        [ErrorCodes.NotFound] = "It no longer exists.",
        [ErrorCodes.EnrollmentNotFound] = "That enrollment no longer exists.",
        [ErrorCodes.CapacityExceeded] = "That would go past the hard limit (the limit plus its overage band).",
        [ErrorCodes.CampaignNotAccepting] = "The campaign does not accept new enrollments in its current status.",
        [ErrorCodes.PricingModelMismatch] = "This does not apply to the campaign's pricing model.",
        [ErrorCodes.BundleNotActive] = "The bundle is not active.",
        [ErrorCodes.AlertNotFound] = "That alert no longer exists.",
        [MembershipErrorCodes.NoSeatsDesignation] = "No seat is left for this designation in that unit.",
        [MembershipErrorCodes.NoSeatsLevelAggregate] = "The level cap of that unit is reached.",
        [MembershipErrorCodes.CellInactive] = "The cell is inactive.",
        [MembershipErrorCodes.CellNotFound] = "There is no such cell.",
        [MembershipErrorCodes.DesignationNotFound] = "There is no such designation.",
        [MembershipErrorCodes.UnitNotFound] = "There is no such geographic unit.",
        [MembershipErrorCodes.MembershipNotFound] = "That membership no longer exists.",
        [MembershipErrorCodes.LevelCapacityNotFound] = "That level cap no longer exists.",
        [MembershipErrorCodes.SeatNoLongerAvailable] = "The seat was taken meanwhile; choose again.",
        [MembershipErrorCodes.ZoneRequired] = "Choose a zone.",
        [MembershipErrorCodes.StateRequired] = "Choose a state.",
        [MembershipErrorCodes.DistrictRequired] = "Choose a district.",
        [MembershipErrorCodes.MandalRequired] = "Choose a mandal.",
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["committedSeats"] = "Committed seats",
        ["creditAllocation"] = "Credit allocation",
        ["learnersCommitted"] = "Learners committed",
        ["targetVolunteers"] = "Target volunteers",
        ["targetBeneficiaries"] = "Target beneficiaries",
        ["overagePercent"] = "Overage band",
        ["bundleShare"] = "Bundle share",
        ["companyId"] = "Company",
        ["bundleId"] = "Bundle",
        ["seatLockTimeout"] = "Seat-lock timeout",
        ["expirySweepEnabled"] = "Expiry sweep",
        ["hierarchicalCaps"] = "Hierarchical caps",
        ["defaultCapacity"] = "Default capacity",
        ["validityDays"] = "Validity (days)",
        ["memberRef"] = "Member reference",
        ["providerRef"] = "Payment reference",
        ["volunteerIds"] = "Volunteers",
        ["minUtilizationPercent"] = "Minimum utilization",
        ["until"] = "Snooze until",
        ["to"] = "Recipient",
        ["sku"] = "SKU",
        ["currentPassword"] = "Current password",
        ["newPassword"] = "New password",
        ["PasswordMismatch"] = "Current password",
    };

    /// <summary>The human label of a field name from the domain or the API.</summary>
    public static string Label(string field)
    {
        if (Labels.TryGetValue(field, out var label)) return label;
        var words = Words().Replace(field.Replace('_', ' '), " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? field : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The sentence for an error code, or null for a code the UI has no words for (then the detail is shown).</summary>
    public static string? ForCode(string code) => Codes.GetValueOrDefault(code);

    /// <summary>The whole refusal in words: the detail (or the code's sentence) and each field as "Label: message".</summary>
    public static string Describe(DomainError error)
    {
        var head = error.Kind == ErrorKind.Validation && error.Errors is { Count: > 0 } ? ForCode(error.Code)! : Clean(error.Detail, null);
        if (string.IsNullOrWhiteSpace(head)) head = ForCode(error.Code) ?? "The operation was refused.";
        if (error.Errors is not { Count: > 0 } fields) return head;
        return head + " " + string.Join(" ", fields.Select(f => $"{Label(f.Key)}: {string.Join(" ", f.Value.Select(m => Clean(m, f.Key)))}"));
    }

    /// <summary>Drops exception decorations and writes raw field names as labels.</summary>
    public static string Clean(string message, string? field = null)
    {
        var text = ParameterSuffix().Replace(message, "").Trim();
        // Only camelCase names are replaced: plain words such as "to" or "until" stay as written.
        return CamelCaseName().Replace(text, m => Label(m.Value));
    }

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b[a-z]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex CamelCaseName();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();
}
