using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// Audit of the membership area (<see cref="AuditRecord"/>): capacity edits (designations, overrides, level caps) and
/// administrative changes of memberships (expiry, approve, revoke, reactivate). Never deleted.
/// </summary>
public class MembershipCapacityChange : AuditRecord
{
    public const int ReasonMaxLength = 500;

    internal const string DesignationPrefix = "DESIGNATION:";
    internal const string LevelCapacityPrefix = "LEVEL_CAPACITY:";
    internal const string MembershipPrefix = "MEMBERSHIP:";

    private MembershipCapacityChange() { }

    public MembershipCapacityChange(string subject, string field, string? oldValue, string? newValue, string reason, string changedBy, DateTimeOffset changedAt)
        : base(field, oldValue, newValue, reason, changedBy, changedAt) =>
        Subject = subject;

    /// <summary>What changed, e.g. "DESIGNATION:PRES", "DESIGNATION:PRES:STATE", "LEVEL_CAPACITY:GB|STATE|KA", "MEMBERSHIP:{id}".</summary>
    public string Subject { get; private set; } = "";

    public override AuditSubject About() => Parse(Subject);

    /// <summary>The subject key taken apart.</summary>
    public static AuditSubject Parse(string key)
    {
        if (key.StartsWith(MembershipPrefix, StringComparison.Ordinal)) return new AuditSubject(AuditSubjectType.Membership, key[MembershipPrefix.Length..]);
        if (key.StartsWith(LevelCapacityPrefix, StringComparison.Ordinal))
        {
            var parts = key[LevelCapacityPrefix.Length..].Split(ScopeKeys.Separator);
            return new AuditSubject(AuditSubjectType.LevelCapacity, key[LevelCapacityPrefix.Length..])
            {
                Cell = parts[0], Level = parts.Length > 1 && Enum.TryParse<Level>(parts[1], out var l) ? l : null, Unit = parts.Length > 2 ? parts[2] : "",
            };
        }
        var designation = key.StartsWith(DesignationPrefix, StringComparison.Ordinal) ? key[DesignationPrefix.Length..] : key;
        var pieces = designation.Split(':');
        return new AuditSubject(pieces.Length > 1 ? AuditSubjectType.Override : AuditSubjectType.Designation, designation)
        {
            Designation = pieces[0], Level = pieces.Length > 1 && Enum.TryParse<Level>(pieces[1], out var level) ? level : null,
        };
    }
}
