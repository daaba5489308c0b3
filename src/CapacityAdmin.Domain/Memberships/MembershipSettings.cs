namespace CapacityAdmin.Domain.Memberships;

/// <summary>The single row of membership settings (GET/PUT /settings/membership).</summary>
public class MembershipSettings
{
    public const int SingletonId = 1;
    public static readonly TimeSpan DefaultSeatLockTimeout = TimeSpan.FromMinutes(5);

    private MembershipSettings() { }

    public MembershipSettings(TimeSpan seatLockTimeout, bool expirySweepEnabled, bool hierarchicalCaps)
    {
        Id = SingletonId;
        Update(seatLockTimeout, expirySweepEnabled, hierarchicalCaps);
    }

    public int Id { get; private set; }

    /// <summary>Stored in whole seconds: portable across the three providers.</summary>
    public int SeatLockTimeoutSeconds { get; private set; }
    public bool ExpirySweepEnabled { get; private set; }
    public bool HierarchicalCaps { get; private set; }

    public TimeSpan SeatLockTimeout => TimeSpan.FromSeconds(SeatLockTimeoutSeconds);

    public void Update(TimeSpan seatLockTimeout, bool expirySweepEnabled, bool hierarchicalCaps)
    {
        SeatLockTimeoutSeconds = (int)Math.Round(seatLockTimeout.TotalSeconds);
        ExpirySweepEnabled = expirySweepEnabled;
        HierarchicalCaps = hierarchicalCaps;
    }
}
