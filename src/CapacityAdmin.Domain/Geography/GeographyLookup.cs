using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Geography;

/// <summary>
/// Turns the units a request names into a <see cref="UnitPath"/>: the finest unit is looked up
/// and its ancestors derived from the database. Ancestors the request also names must agree.
/// </summary>
public static class GeographyLookup
{
    /// <summary>
    /// Resolves the unit of <paramref name="level"/>. With <paramref name="unitOptional"/> a missing
    /// unit is allowed (a blanket level-capacity row) and yields a path without units.
    /// </summary>
    public static async Task<Result<UnitPath>> ResolveAsync(CapacityDbContext db, Level level, UnitSelection units, bool unitOptional, CancellationToken ct)
    {
        if (unitOptional)
        {
            if (UnitRequirement.CheckNothingFiner(level, units) is { } finer) return finer;
            if (level != Level.NATIONAL && units.At(level) is null)
            {
                return units == new UnitSelection()
                    ? new UnitPath(level, null, null, null, null)
                    : DomainError.Validation(level.ToString().ToLowerInvariant(),
                        $"A {level} row names its own unit, or no unit at all (a blanket row).");
            }
        }
        else if (UnitRequirement.Check(level, units) is { } missing)
        {
            return missing;
        }

        if (!TryParseZone(units, out var zone)) return UnitNotFound("zone", units.Zone!);

        string? stateCode = null, districtCode = null, mandalCode = null;
        if (level == Level.MANDAL)
        {
            var mandal = await db.Mandals.AsNoTracking().Where(m => m.Code == units.Mandal)
                .Select(m => new { m.Code, m.DistrictCode }).FirstOrDefaultAsync(ct);
            if (mandal is null) return UnitNotFound("mandal", units.Mandal!);
            if (units.District is not null && units.District != mandal.DistrictCode) return Mismatch("mandal", units.Mandal!, "district", units.District, mandal.DistrictCode);
            mandalCode = mandal.Code;
            districtCode = mandal.DistrictCode;
        }
        if (level >= Level.DISTRICT)
        {
            var code = districtCode ?? units.District!;
            var district = await db.Districts.AsNoTracking().Where(d => d.Code == code)
                .Select(d => new { d.Code, d.StateCode }).FirstOrDefaultAsync(ct);
            if (district is null) return UnitNotFound("district", code);
            if (units.State is not null && units.State != district.StateCode) return Mismatch("district", code, "state", units.State, district.StateCode);
            districtCode = district.Code;
            stateCode = district.StateCode;
        }
        if (level >= Level.STATE)
        {
            var code = stateCode ?? units.State!;
            var state = await db.States.AsNoTracking().Where(s => s.Code == code)
                .Select(s => new { s.Code, s.Zone }).FirstOrDefaultAsync(ct);
            if (state is null) return UnitNotFound("state", code);
            if (zone is not null && zone != state.Zone) return Mismatch("state", code, "zone", zone.ToString()!, state.Zone.ToString());
            stateCode = state.Code;
            zone = state.Zone;
        }
        return new UnitPath(level, level >= Level.ZONE ? zone : null, stateCode, districtCode, mandalCode);
    }

    /// <summary>The unit rows a required-unit lookup reads, as one statement returns them (null: no such row).</summary>
    public sealed record UnitRows((string Code, string DistrictCode)? Mandal, (string Code, string StateCode)? District, (string Code, Zone Zone)? State);

    /// <summary>The selection's zone, if it names one; false when the name is not a zone.</summary>
    private static bool TryParseZone(UnitSelection units, out Zone? zone)
    {
        zone = null;
        if (units.Zone is null) return true;
        if (!WireNames.TryParse<Zone>(units.Zone, out var parsed)) return false;
        zone = parsed;
        return true;
    }

    /// <summary>
    /// <see cref="ResolveAsync"/> for a required unit (<c>unitOptional: false</c>, the requirement already checked) on rows read
    /// in one statement: the mandal by the given code, the district by the mandal's district (else the given one), the state
    /// by the district's state (else the given one). Same checks, same order, same errors.
    /// </summary>
    public static Result<UnitPath> Derive(Level level, UnitSelection units, UnitRows rows)
    {
        if (!TryParseZone(units, out var zone)) return UnitNotFound("zone", units.Zone!);

        string? stateCode = null, districtCode = null, mandalCode = null;
        if (level == Level.MANDAL)
        {
            if (rows.Mandal is not { } mandal) return UnitNotFound("mandal", units.Mandal!);
            if (units.District is not null && units.District != mandal.DistrictCode) return Mismatch("mandal", units.Mandal!, "district", units.District, mandal.DistrictCode);
            mandalCode = mandal.Code;
            districtCode = mandal.DistrictCode;
        }
        if (level >= Level.DISTRICT)
        {
            var code = districtCode ?? units.District!;
            if (rows.District is not { } district || district.Code != code) return UnitNotFound("district", code);
            if (units.State is not null && units.State != district.StateCode) return Mismatch("district", code, "state", units.State, district.StateCode);
            districtCode = district.Code;
            stateCode = district.StateCode;
        }
        if (level >= Level.STATE)
        {
            var code = stateCode ?? units.State!;
            if (rows.State is not { } state || state.Code != code) return UnitNotFound("state", code);
            if (zone is not null && zone != state.Zone) return Mismatch("state", code, "zone", zone.ToString()!, state.Zone.ToString());
            stateCode = state.Code;
            zone = state.Zone;
        }
        return new UnitPath(level, level >= Level.ZONE ? zone : null, stateCode, districtCode, mandalCode);
    }

    public static DomainError UnitNotFound(string kind, string code) =>
        DomainError.NotFound(MembershipErrorCodes.UnitNotFound, $"No {kind} with code '{code}'.");

    private static DomainError Mismatch(string kind, string code, string parentKind, string given, string actual) =>
        DomainError.Validation(parentKind, $"{kind} '{code}' belongs to {parentKind} '{actual}', not '{given}'.");
}
