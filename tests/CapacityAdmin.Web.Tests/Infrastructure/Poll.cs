using System.Diagnostics;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>Waits for a condition instead of sleeping for a guessed time.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit) throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
