using System.Diagnostics;

namespace CapacityAdmin.Bench.Scale;

/// <summary>One measured operation: n timed calls after warm-ups, and the median and 95th percentile in ms.</summary>
internal sealed record Timing(string Operation, string Budget, int N, double P50, double P95, string Note = "")
{
    public static async Task<Timing> MeasureAsync(string operation, string budget, int iterations, Func<int, Task> call, int warmups = 3, string note = "")
    {
        for (var i = 0; i < warmups; i++) await call(i);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return new Timing(operation, budget, iterations, times[iterations / 2], times[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)], note);
    }

    public override string ToString() => $"{Operation}: n={N} p50={P50:0.00} ms p95={P95:0.00} ms {Note}";
}

/// <summary>
/// Peak managed heap and allocation while a CSV is written: a sampler reads the heap size every few ms (garbage included, so it
/// follows the GC's gen0 budget), and every 100 ms the heap after a full collection (what the writer actually holds).
/// </summary>
internal sealed record MemoryUse(string Operation, long Rows, long Bytes, double Milliseconds, long AllocatedBytes, long PeakHeapGrowthBytes, long PeakWorkingSetBytes)
{
    /// <summary>The largest live heap above the start (after a full collection), sampled every 100 ms.</summary>
    public long PeakRetainedGrowthBytes { get; init; }

    public static async Task<MemoryUse> MeasureAsync(string operation, Func<Stream, Task<long>> write)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline, peakRetained = baseline;
        long peakWorkingSet = Environment.WorkingSet;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var lastFull = Stopwatch.GetTimestamp();
            while (!stop.IsCancellationRequested)
            {
                if (Stopwatch.GetElapsedTime(lastFull).TotalMilliseconds >= 100)
                {
                    peakRetained = Math.Max(peakRetained, GC.GetTotalMemory(forceFullCollection: true));
                    lastFull = Stopwatch.GetTimestamp();
                }
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                try { await Task.Delay(2, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var counting = new CountingStream();
        var started = Stopwatch.GetTimestamp();
        var rows = await write(counting);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        await stop.CancelAsync();
        await sampler;
        return new MemoryUse(operation, rows, counting.Written, elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, peak - baseline, peakWorkingSet)
        {
            PeakRetainedGrowthBytes = peakRetained - baseline,
        };
    }

    public override string ToString() =>
        $"{Operation}: {Rows:N0} rows, {Bytes / 1024.0 / 1024.0:0.0} MB in {Milliseconds:0} ms; allocated {AllocatedBytes / 1024.0 / 1024.0:0.0} MB, " +
        $"peak managed heap growth {PeakHeapGrowthBytes / 1024.0 / 1024.0:0.0} MB (live after full GC {PeakRetainedGrowthBytes / 1024.0 / 1024.0:0.0} MB), " +
        $"peak working set {PeakWorkingSetBytes / 1024.0 / 1024.0:0} MB";
}

/// <summary>A null stream that counts what was written.</summary>
internal sealed class CountingStream : Stream
{
    public long Written { get; private set; }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Written += count;
    public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return ValueTask.CompletedTask;
    }
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Written += count;
        return Task.CompletedTask;
    }
}
