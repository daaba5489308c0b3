using System.Diagnostics;

namespace CapacityAdmin.Bench;

/// <summary>What one path did: counts, the limit raced for, what the database holds after, and timings.</summary>
internal sealed record RaceResult(int Allowed, int Refused, int Limit, long Stored, double Throughput, double P50, double P99);

internal static class Race
{
    /// <summary>Runs <paramref name="requests"/> calls on <paramref name="parallel"/> workers; a call returns true when allowed.</summary>
    public static async Task<(int Allowed, int Refused, double Throughput, double P50, double P99)> RunAsync(int requests, int parallel,
        Func<int, Task<bool>> call)
    {
        var next = -1;
        var allowed = 0;
        var refused = 0;
        var latencies = new double[requests];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (ok) Interlocked.Increment(ref allowed); else Interlocked.Increment(ref refused);
            }
        })));
        clock.Stop();
        Array.Sort(latencies);
        return (allowed, refused, requests / clock.Elapsed.TotalSeconds, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)]);
    }
}
