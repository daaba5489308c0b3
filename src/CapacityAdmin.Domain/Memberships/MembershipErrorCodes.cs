namespace CapacityAdmin.Domain.Memberships;

/// <summary>Stable codes of the membership area (api-v1.md "Membership seats").</summary>
public static class MembershipErrorCodes
{
    public const string NoSeatsDesignation = "NO_SEATS_DESIGNATION";
    public const string NoSeatsLevelAggregate = "NO_SEATS_LEVEL_AGGREGATE";
    public const string CellInactive = "CELL_INACTIVE";
    public const string CellNotFound = "CELL_NOT_FOUND";
    public const string DesignationNotFound = "DESIGNATION_NOT_FOUND";
    public const string UnitNotFound = "UNIT_NOT_FOUND";
    public const string MembershipNotFound = "MEMBERSHIP_NOT_FOUND";
    public const string LevelCapacityNotFound = "LEVEL_CAPACITY_NOT_FOUND";
    public const string SeatNoLongerAvailable = "SEAT_NO_LONGER_AVAILABLE";
    public const string ZoneRequired = "ZONE_REQUIRED";
    public const string StateRequired = "STATE_REQUIRED";
    public const string DistrictRequired = "DISTRICT_REQUIRED";
    public const string MandalRequired = "MANDAL_REQUIRED";
}
