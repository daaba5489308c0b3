using CapacityAdmin.Domain.Data;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// The four threshold bands, read once and reused by the consumption paths (crossing detection and the
/// evaluation right after a consumption) instead of read on every call. <see cref="AlertSettingsService"/>
/// invalidates it when it changes a band, so this server applies a change to its next evaluation. Other
/// servers (the cache is per process) pick the change up when their copy expires after
/// <see cref="Lifetime"/>: during those seconds they may skip or add an evaluation after a consumption,
/// which the threshold scan and the repeat window in the database make harmless. The scan and the
/// outbox catch-up always read the bands from the database.
/// </summary>
public sealed class AlertBandCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private sealed record Entry(IReadOnlyList<AlertBand> Bands, DateTimeOffset LoadedAt, long Generation);

    private Entry? _entry;
    private long _generation;

    public async ValueTask<IReadOnlyList<AlertBand>> GetAsync(CapacityDbContext db, CancellationToken ct)
    {
        var entry = Volatile.Read(ref _entry);
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (entry is not null && entry.Generation == generation && now - entry.LoadedAt < Lifetime) return entry.Bands;
        // A load racing an invalidation is stored under the old generation, so the next call reloads.
        var bands = await AlertEvaluator.ReadBandsAsync(db, ct);
        Volatile.Write(ref _entry, new Entry(bands, now, generation));
        return bands;
    }

    /// <summary>Called after a band change commits: the next read of this process goes to the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }
}
