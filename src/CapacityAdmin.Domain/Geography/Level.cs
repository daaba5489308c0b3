namespace CapacityAdmin.Domain.Geography;

/// <summary>The levels of the hierarchy, from the widest to the finest.</summary>
public enum Level
{
    NATIONAL = 0,
    ZONE = 1,
    STATE = 2,
    DISTRICT = 3,
    MANDAL = 4,
}
