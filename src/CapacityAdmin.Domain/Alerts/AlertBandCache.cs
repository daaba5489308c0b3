using System.Collections.Concurrent;
using CapacityAdmin.Domain.Common;
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
/// <para>
/// It also remembers, per (pool, measure, band), until when that band's repeat window was last seen closed
/// in the database (raised within the window, or snoozed), for at most <see cref="Lifetime"/>. A refused
/// consumption is evaluated against current usage; a pool whose highest band is known closed would raise
/// nothing, so the refusal skips that evaluation (and its context and window read). Windows only close by
/// themselves; the one way to reopen one early, a snooze re-set to an earlier time, is seen within
/// <see cref="Lifetime"/> (and a band change clears everything at once). The scan never uses this.
/// </para>
/// </summary>
public sealed class AlertBandCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private sealed record Entry(IReadOnlyList<AlertBand> Bands, DateTimeOffset LoadedAt, long Generation);

    private const int MaxClosedWindows = 100_000;

    private Entry? _entry;
    private long _generation;
    private readonly ConcurrentDictionary<(PoolType, Guid, PoolMeasure, string), DateTimeOffset> _closedUntil = new();

    // An approximate entry count for the bound: ConcurrentDictionary.Count takes every lock (up to 1,024 once the table has
    // grown), which cost ~20 µs per call when the scan remembers tens of thousands of windows.
    private int _closedCount;

    /// <summary>The bands if a fresh copy is held (no database read); null otherwise.</summary>
    public IReadOnlyList<AlertBand>? Current
    {
        get
        {
            var entry = Volatile.Read(ref _entry);
            return entry is not null && entry.Generation == Interlocked.Read(ref _generation) && clock.GetUtcNow() - entry.LoadedAt < Lifetime
                ? entry.Bands
                : null;
        }
    }

    /// <summary>Records that the window of (pool, band) was seen closed in the database until <paramref name="until"/>.</summary>
    public void RememberClosed(AlertPool pool, string threshold, DateTimeOffset until)
    {
        var now = clock.GetUtcNow();
        if (until <= now) return;
        if (Volatile.Read(ref _closedCount) >= MaxClosedWindows) ClearClosed();
        var capped = until - now > Lifetime ? now + Lifetime : until;
        var key = (pool.PoolType, pool.PoolId, pool.Measure, threshold);
        if (_closedUntil.TryAdd(key, capped)) Interlocked.Increment(ref _closedCount);
        else _closedUntil[key] = capped;
    }

    /// <summary>True when the window of (pool, band) is known to be closed now (so an evaluation would raise nothing).</summary>
    public bool IsKnownClosed(AlertPool pool, string threshold) =>
        _closedUntil.TryGetValue((pool.PoolType, pool.PoolId, pool.Measure, threshold), out var until) && clock.GetUtcNow() < until;

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
        ClearClosed();
    }

    private void ClearClosed()
    {
        _closedUntil.Clear();
        Volatile.Write(ref _closedCount, 0);
    }
}
