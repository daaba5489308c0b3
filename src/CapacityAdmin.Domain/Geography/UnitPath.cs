namespace CapacityAdmin.Domain.Geography;

/// <summary>
/// Where a membership or a cap sits: its level and the unit of every level down to it, derived
/// from the finest unit (a mandal's district, state and zone are looked up, never typed twice).
/// </summary>
public sealed record UnitPath(Level Level, Zone? Zone, string? StateCode, string? DistrictCode, string? MandalCode)
{
    public static UnitPath National { get; } = new(Level.NATIONAL, null, null, null, null);

    /// <summary>The code of this path's own unit ("" for NATIONAL).</summary>
    public string UnitCode => UnitCodeAt(Level) ?? "";

    /// <summary>The unit code of an ancestor level (or the own level); null when the path does not reach it.</summary>
    public string? UnitCodeAt(Level level) => level switch
    {
        Level.NATIONAL => "",
        Level.ZONE => Zone?.ToString(),
        Level.STATE => StateCode,
        Level.DISTRICT => DistrictCode,
        Level.MANDAL => MandalCode,
        _ => null,
    };

}
