namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// One row per seat scope (a designation scope or an aggregate-cap scope), created on first use
/// and locked with <c>SELECT ... FOR UPDATE</c>-style row locks on multi-writer databases so that
/// the count and the insert of a join happen while no other writer can change that scope.
/// </summary>
public class SeatScopeLock
{
    public const int KeyMaxLength = 200;

    private SeatScopeLock() { }

    public SeatScopeLock(string scopeKey) => ScopeKey = scopeKey;

    public string ScopeKey { get; private set; } = "";
}
