using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>Display text of the membership area: refusal headlines, seat counts, statuses.</summary>
public static class MembershipDisplay
{
    public static readonly Level[] Levels = Enum.GetValues<Level>();
    public static readonly Zone[] Zones = Enum.GetValues<Zone>();
    public static readonly MembershipStatus[] Statuses = Enum.GetValues<MembershipStatus>();

    /// <summary>The levels of the advanced level-capacity rows.</summary>
    public static readonly Level[] AdvancedLevels = [Level.STATE, Level.DISTRICT, Level.MANDAL];

    /// <summary>A headline naming the refusal in words, with its stable code: "No seats left under the level cap (NO_SEATS_LEVEL_AGGREGATE)".</summary>
    public static string Refusal(string action, DomainError error)
    {
        var words = error.Code switch
        {
            MembershipErrorCodes.NoSeatsDesignation => "No seats left for this designation",
            MembershipErrorCodes.NoSeatsLevelAggregate => "No seats left under the level cap",
            MembershipErrorCodes.CellInactive => "The cell is inactive",
            MembershipErrorCodes.ZoneRequired => "Choose a zone",
            MembershipErrorCodes.StateRequired => "Choose a state",
            MembershipErrorCodes.DistrictRequired => "Choose a district",
            MembershipErrorCodes.MandalRequired => "Choose a mandal",
            ErrorCodes.Duplicate => "Already holds a seat there",
            ErrorCodes.InvalidTransition => "Not possible in this status",
            _ => action,
        };
        return $"{words} ({error.Code})";
    }

    /// <summary>"3 used of 5 · 2 remaining".</summary>
    public static string Seats(SeatCount count) => $"{count.Used} used of {count.Capacity} · {count.Remaining} remaining";

    public static string Status(MembershipStatus status) => status.ToString().Replace('_', ' ').ToLowerInvariant();

    public static string Money(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Unit(MembershipView m) => UnitChoice.Describe(m.Level, m.Zone, m.State, m.District, m.Mandal);
}
