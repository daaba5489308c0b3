using System.Collections.Concurrent;
using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>
/// A hand-written fake of the email side: counts every call per delivery, can fail on demand and
/// can run a hook after a successful send (for example to stop the dispatcher mid-batch).
/// </summary>
public sealed class TestAlertSender : IAlertMessageSender
{
    private readonly ConcurrentDictionary<Guid, int> _sendsPerDelivery = new();
    private readonly ConcurrentQueue<AlertEmail> _sent = new();
    private int _calls;

    /// <summary>Decides per call (1-based call number) whether to throw; null = succeed.</summary>
    public Func<AlertEmail, int, Exception?>? Fail { get; set; }

    /// <summary>Runs after each successful send with the number of successful sends so far.</summary>
    public Action<int>? AfterSend { get; set; }

    /// <summary>Runs before sending; lets a test observe the dispatcher's token.</summary>
    public Func<AlertEmail, CancellationToken, Task>? Before { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyCollection<AlertEmail> Sent => _sent.ToArray();

    public IReadOnlyDictionary<Guid, int> SendsPerDelivery => _sendsPerDelivery;

    public async Task<AlertSendResult> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (Before is { } before) await before(email, cancellationToken);
        if (Fail?.Invoke(email, call) is { } error) throw error;
        _sendsPerDelivery.AddOrUpdate(email.DeliveryId, 1, (_, n) => n + 1);
        _sent.Enqueue(email);
        AfterSend?.Invoke(_sent.Count);
        return AlertSendResult.Sent($"test-{email.DeliveryId:N}");
    }
}
