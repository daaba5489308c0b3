using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>Which unit a level names, and the refusal when it is missing (ZONE_REQUIRED, ...).</summary>
public static class UnitRequirement
{
    /// <summary>
    /// Checks that the unit of <paramref name="level"/> is given (none for NATIONAL) and that no unit
    /// finer than the level is given. Ancestor units may be given; the resolver checks they agree.
    /// </summary>
    public static DomainError? Check(Level level, UnitSelection units)
    {
        var missing = level switch
        {
            Level.ZONE when units.Zone is null => (MembershipErrorCodes.ZoneRequired, "zone"),
            Level.STATE when units.State is null => (MembershipErrorCodes.StateRequired, "state"),
            Level.DISTRICT when units.District is null => (MembershipErrorCodes.DistrictRequired, "district"),
            Level.MANDAL when units.Mandal is null => (MembershipErrorCodes.MandalRequired, "mandal"),
            _ => default((string Code, string Field)?),
        };
        if (missing is { } m)
            return new DomainError(ErrorKind.Validation, m.Code, $"A {level} membership names its {m.Field}.")
            {
                Errors = new Dictionary<string, string[]> { [m.Field] = [$"{m.Field} is required at level {level}."] },
            };
        return CheckNothingFiner(level, units);
    }

    /// <summary>Units finer than the level make no sense for it.</summary>
    public static DomainError? CheckNothingFiner(Level level, UnitSelection units)
    {
        var finer = new List<string>();
        if (level < Level.ZONE && units.Zone is not null) finer.Add("zone");
        if (level < Level.STATE && units.State is not null) finer.Add("state");
        if (level < Level.DISTRICT && units.District is not null) finer.Add("district");
        if (level < Level.MANDAL && units.Mandal is not null) finer.Add("mandal");
        if (finer.Count == 0) return null;
        return DomainError.Validation($"A {level} scope does not take {string.Join(", ", finer)}.",
            finer.ToDictionary(f => f, f => new[] { $"{f} is not allowed at level {level}." }));
    }
}

/// <summary>The units a request names (zone name and unit codes), normalised.</summary>
public sealed record UnitSelection(string? Zone = null, string? State = null, string? District = null, string? Mandal = null)
{
    public static UnitSelection Create(string? zone, string? state, string? district, string? mandal) =>
        new(Codes.Normalize(zone), Codes.Normalize(state), Codes.Normalize(district), Codes.Normalize(mandal));

    /// <summary>The unit given for a level (null when absent; "" for NATIONAL).</summary>
    public string? At(Level level) => level switch
    {
        Level.NATIONAL => "",
        Level.ZONE => Zone,
        Level.STATE => State,
        Level.DISTRICT => District,
        Level.MANDAL => Mandal,
        _ => null,
    };
}
