using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The unit a person picks for a level (zone, or state → district → mandal). Mutable, bound by the pickers;
/// <see cref="For"/> gives the domain what that level names and nothing finer (finer units are refused there).
/// </summary>
public sealed class UnitChoice
{
    public Zone? Zone { get; set; }
    public string? State { get; set; }
    public string? District { get; set; }
    public string? Mandal { get; set; }

    public static UnitChoice Of(Zone? zone, string? state, string? district, string? mandal) =>
        new() { Zone = zone, State = state, District = district, Mandal = mandal };

    public UnitChoice Copy() => Of(Zone, State, District, Mandal);

    /// <summary>Clears the units a level does not take (a ZONE choice keeps only the zone).</summary>
    public void TrimTo(Level level)
    {
        if (level != Level.ZONE) Zone = null;
        if (level < Level.STATE) State = null;
        if (level < Level.DISTRICT) District = null;
        if (level < Level.MANDAL) Mandal = null;
    }

    /// <summary>The unit of the level itself, or null when not picked yet ("" for NATIONAL).</summary>
    public string? UnitAt(Level level) => level switch
    {
        Level.NATIONAL => "",
        Level.ZONE => Zone?.ToString(),
        Level.STATE => State,
        Level.DISTRICT => District,
        Level.MANDAL => Mandal,
        _ => null,
    };

    public bool IsCompleteFor(Level level) => !string.IsNullOrEmpty(UnitAt(level)) || level == Level.NATIONAL;

    public MembershipScope ScopeFor(string? cell, string? designation, Level level) =>
        new(cell, designation, level,
            level == Level.ZONE ? Zone?.ToString() : null,
            level >= Level.STATE ? State : null,
            level >= Level.DISTRICT ? District : null,
            level >= Level.MANDAL ? Mandal : null);

    public LevelCapacityKey KeyFor(string? cell, Level level) =>
        new(cell, level,
            level == Level.ZONE ? Zone?.ToString() : null,
            level >= Level.STATE ? State : null,
            level >= Level.DISTRICT ? District : null,
            level >= Level.MANDAL ? Mandal : null);

    /// <summary>"SOUTH", "KA", "KA › BLR", "KA › BLR › M1", or "—" for none.</summary>
    public static string Describe(Level level, Zone? zone, string? state, string? district, string? mandal) => level switch
    {
        Level.NATIONAL => "National",
        Level.ZONE => zone?.ToString() ?? "each zone",
        _ => string.Join(" › ", new[] { state, district, mandal }.Where(u => !string.IsNullOrEmpty(u))) is { Length: > 0 } path
            ? path
            : $"each {level.ToString().ToLowerInvariant()}",
    };
}
