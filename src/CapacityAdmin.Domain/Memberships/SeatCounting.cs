using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>The memberships a scope counts, as query filters (seat holding is applied by the caller).</summary>
public static class SeatCounting
{
    public static IQueryable<Membership> InDesignationScope(this IQueryable<Membership> query, string scopeKey) =>
        query.Where(m => m.ScopeKey == scopeKey);

    /// <summary>
    /// Memberships an aggregate cap at (<paramref name="level"/>, <paramref name="unitCode"/>) counts: all
    /// designations of the cell at exactly that level and unit; with hierarchical caps, every level
    /// at or below it inside the unit (a STATE cap then counts the state's district and mandal seats).
    /// </summary>
    public static IQueryable<Membership> InCapScope(this IQueryable<Membership> query, string cellCode, Level level, string unitCode, bool hierarchical)
    {
        query = query.Where(m => m.CellCode == cellCode);
        if (!hierarchical) query = query.Where(m => m.Level == level);
        switch (level)
        {
            case Level.NATIONAL:
                return query;
            case Level.ZONE:
                var zone = Enum.Parse<Zone>(unitCode);
                return query.Where(m => m.Zone == zone);
            case Level.STATE:
                return query.Where(m => m.StateCode == unitCode);
            case Level.DISTRICT:
                return query.Where(m => m.DistrictCode == unitCode);
            case Level.MANDAL:
                return query.Where(m => m.MandalCode == unitCode);
            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, null);
        }
    }

    public static IQueryable<Membership> Except(this IQueryable<Membership> query, Guid? membershipId) =>
        membershipId is { } id ? query.Where(m => m.Id != id) : query;
}
