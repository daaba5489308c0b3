namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// Audit of the membership area: capacity edits (designations, overrides, level caps) and
/// administrative changes of memberships (expiry, approve, revoke, reactivate). Never deleted.
/// </summary>
public class MembershipCapacityChange
{
    public const int ReasonMaxLength = 500;

    private MembershipCapacityChange() { }

    public MembershipCapacityChange(string subject, string field, string? oldValue, string? newValue, string reason, string changedBy, DateTimeOffset changedAt)
    {
        Id = Guid.NewGuid();
        Subject = subject;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>What changed, e.g. "DESIGNATION:PRES", "DESIGNATION:PRES:STATE", "LEVEL_CAPACITY:GB|STATE|KA", "MEMBERSHIP:{id}".</summary>
    public string Subject { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
}
