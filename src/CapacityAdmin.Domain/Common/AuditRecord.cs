namespace CapacityAdmin.Domain.Common;

/// <summary>
/// The one shape of an audit row: who changed which field of which subject, from what, to what, and why. Campaign and
/// bundle rows (<see cref="CapacityChange"/>, table CapacityChanges, tied to their company, campaign or bundle) and
/// membership-area rows (<see cref="Memberships.MembershipCapacityChange"/>, table MembershipCapacityChanges, keyed by a
/// textual subject) are both this record; every timeline and history reads them as <see cref="AuditEntryView"/>.
/// </summary>
public abstract class AuditRecord
{
    protected AuditRecord() { }

    protected AuditRecord(string field, string? oldValue, string? newValue, string reason, string changedBy, DateTimeOffset changedAt)
    {
        Id = Guid.NewGuid();
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public Guid Id { get; private set; }
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>What the row is about (a method, so the mapping of the two tables is untouched).</summary>
    public abstract AuditSubject About();

    public AuditEntryView ToView() => new(Id, About(), Field, OldValue, NewValue, Reason, ChangedBy, ChangedAt);
}

/// <summary>What an audit row is about.</summary>
public enum AuditSubjectType
{
    Campaign,
    Bundle,
    /// <summary>A designation's own values (capacity, fee, validity, name, rank).</summary>
    Designation,
    /// <summary>A designation's capacity at one level.</summary>
    Override,
    LevelCapacity,
    Membership,
}

/// <summary>
/// The subject of an audit row: its type and id (a campaign or bundle id, a designation code, a level-cap key, a membership
/// id). Membership-area subjects also come taken apart: the designation (and level of an override), or the cell, level and
/// unit code of a level cap ("" unit = NATIONAL or a blanket row).
/// </summary>
public sealed record AuditSubject(AuditSubjectType Type, string Id)
{
    public string? Designation { get; init; }
    public string? Cell { get; init; }
    public Geography.Level? Level { get; init; }
    public string? Unit { get; init; }
}

/// <summary>One audit row as every timeline and history shows it (campaign and bundle timelines, the membership capacity history).</summary>
public sealed record AuditEntryView(Guid Id, AuditSubject Subject, string Field, string? OldValue, string? NewValue, string Reason,
    string ChangedBy, DateTimeOffset ChangedAt);
