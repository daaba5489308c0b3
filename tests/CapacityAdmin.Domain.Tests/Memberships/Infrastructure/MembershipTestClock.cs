namespace CapacityAdmin.Domain.Tests.Memberships.Infrastructure;

/// <summary>A hand-written clock for membership tests: fixed until told to move.</summary>
public sealed class MembershipTestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public MembershipTestClock() : this(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now = _now.Add(by);
}
