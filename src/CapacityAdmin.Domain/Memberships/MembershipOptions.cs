namespace CapacityAdmin.Domain.Memberships;

/// <summary>Configuration section "Membership": initial values of the membership settings.</summary>
public sealed class MembershipOptions
{
    public const string SectionName = "Membership";

    public TimeSpan SeatLockTimeout { get; set; } = MembershipSettings.DefaultSeatLockTimeout;
    public bool ExpirySweepEnabled { get; set; } = true;
    public bool HierarchicalCaps { get; set; }
}
