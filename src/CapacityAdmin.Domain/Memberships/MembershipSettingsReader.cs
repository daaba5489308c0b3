using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>Reads the settings row; until one is saved, the configured defaults apply.</summary>
public static class MembershipSettingsReader
{
    public static async Task<SettingsSnapshot> ReadAsync(CapacityDbContext db, MembershipOptions defaults, CancellationToken ct)
    {
        var row = await db.MembershipSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == MembershipSettings.SingletonId, ct);
        return row is null
            ? new SettingsSnapshot(defaults.SeatLockTimeout, defaults.ExpirySweepEnabled, defaults.HierarchicalCaps)
            : new SettingsSnapshot(row.SeatLockTimeout, row.ExpirySweepEnabled, row.HierarchicalCaps);
    }

    /// <summary>The seat rules in force now: the one way every path builds them.</summary>
    public static async Task<SeatRules> ReadRulesAsync(CapacityDbContext db, MembershipOptions defaults, TimeProvider clock, CancellationToken ct)
    {
        var settings = await ReadAsync(db, defaults, ct);
        return new SeatRules(clock.GetUtcNow(), settings.SeatLockTimeout, settings.HierarchicalCaps);
    }
}

/// <summary>GET/PUT /settings/membership.</summary>
public sealed record SettingsSnapshot(TimeSpan SeatLockTimeout, bool ExpirySweepEnabled, bool HierarchicalCaps);
