namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>A clock the tests move forward by hand (the testing package is not on the feed).</summary>
public sealed class MovableClock : TimeProvider
{
    private readonly object _gate = new();
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return System.GetUtcNow() + _offset;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _offset += by;
    }
}
