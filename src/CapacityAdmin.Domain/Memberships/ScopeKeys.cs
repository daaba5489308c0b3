using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// Normalised, non-nullable keys of seat scopes. A designation scope is
/// "CELL|DESIGNATION|LEVEL|UNIT" (UNIT is "" for NATIONAL, the zone name for ZONE, else the unit
/// code). Lock keys prefix "D|" (designation scope) or "A|" (aggregate-cap scope, per unit).
/// </summary>
public static class ScopeKeys
{
    public const char Separator = '|';

    public static string Designation(string cellCode, string designationCode, UnitPath path) =>
        string.Join(Separator, cellCode, designationCode, path.Level.ToString(), path.UnitCode);

    public static string DesignationLock(string designationScopeKey) => "D|" + designationScopeKey;

    public static string AggregateLock(string cellCode, Level level, string unitCode) =>
        string.Join(Separator, "A", cellCode, level.ToString(), unitCode);

    public static string LevelCapacitySubject(string cellCode, Level level, string unitCode) =>
        "LEVEL_CAPACITY:" + string.Join(Separator, cellCode, level.ToString(), unitCode);
}
