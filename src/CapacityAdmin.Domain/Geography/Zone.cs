namespace CapacityAdmin.Domain.Geography;

/// <summary>
/// The five zones. Membership enums keep their upper-case names on the wire and in the database
/// (api-v1.md "Conventions"), so the members are spelled that way.
/// </summary>
public enum Zone
{
    NORTH,
    SOUTH,
    EAST,
    WEST,
    CENTRAL,
}
