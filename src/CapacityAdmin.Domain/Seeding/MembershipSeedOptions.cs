using System.Globalization;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Seeding;

public enum MembershipSeedMode
{
    /// <summary>NATIONAL and ZONE level capacities only; finer rows of the seeded cells are removed.</summary>
    Simple,

    /// <summary>Simple plus STATE, DISTRICT and MANDAL rows for the selected units.</summary>
    Advanced,
}

/// <summary>
/// How to seed: the mode, <c>--prune</c>, and the limits of advanced mode. <see cref="MaxStates"/> caps
/// the states (after <see cref="FilterStateNames"/>), <see cref="MaxDistricts"/> the districts of each
/// selected state, <see cref="MaxMandals"/> the mandals of each selected district; null = no limit.
/// Units are taken in name order, so a limit always picks the same units.
/// </summary>
public sealed record MembershipSeedOptions(
    MembershipSeedMode Mode,
    bool Prune = false,
    int? MaxStates = null,
    int? MaxDistricts = null,
    int? MaxMandals = null,
    IReadOnlyList<string>? FilterStateNames = null)
{
    public const string MaxStatesVariable = "MAX_STATES";
    public const string MaxDistrictsVariable = "MAX_DISTRICTS";
    public const string MaxMandalsVariable = "MAX_MANDALS";
    public const string FilterStateNamesVariable = "FILTER_STATE_NAMES";

    public static MembershipSeedOptions Simple { get; } = new(MembershipSeedMode.Simple);

    /// <summary>
    /// Parses the mode (<c>simple</c> or <c>advanced</c>, any case) and the variables read through
    /// <paramref name="variable"/>. Unset or blank = no limit; anything else that is not a whole
    /// number 0 or more is refused with the variable's name, never read as "no limit".
    /// </summary>
    public static Result<MembershipSeedOptions> Parse(string? mode, bool prune, Func<string, string?> variable)
    {
        MembershipSeedMode parsedMode;
        switch (mode?.Trim().ToLowerInvariant())
        {
            case "simple": parsedMode = MembershipSeedMode.Simple; break;
            case "advanced": parsedMode = MembershipSeedMode.Advanced; break;
            default: return DomainError.Validation("mode", $"--mode must be 'simple' or 'advanced', not '{mode}'.");
        }

        var errors = new Dictionary<string, string[]>();
        int? Limit(string name)
        {
            var raw = variable(name);
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            errors[name] = [$"{name} must be a whole number 0 or more, not '{raw}'."];
            return null;
        }
        var maxStates = Limit(MaxStatesVariable);
        var maxDistricts = Limit(MaxDistrictsVariable);
        var maxMandals = Limit(MaxMandalsVariable);

        IReadOnlyList<string>? names = null;
        var rawNames = variable(FilterStateNamesVariable);
        if (!string.IsNullOrWhiteSpace(rawNames))
        {
            names = rawNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Count == 0) errors[FilterStateNamesVariable] = [$"{FilterStateNamesVariable} names no state: '{rawNames}'."];
        }

        if (errors.Count > 0) return DomainError.Validation(string.Join(" ", errors.Values.SelectMany(v => v)), errors);
        return new MembershipSeedOptions(parsedMode, prune, maxStates, maxDistricts, maxMandals, names);
    }
}
