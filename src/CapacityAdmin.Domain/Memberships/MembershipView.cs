using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>A membership as the API and the pages show it (api-v1.md "Membership").</summary>
public sealed record MembershipView(
    Guid Id,
    string MemberRef,
    string Cell,
    string Designation,
    Level Level,
    Zone? Zone,
    string? State,
    string? District,
    string? Mandal,
    MembershipStatus Status,
    PaymentStatus PaymentStatus,
    int SeatSequence,
    decimal Fee,
    decimal AmountPaid,
    bool RequiresPayment,
    bool HoldsSeat,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LockedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiredAt,
    bool RefundRequired)
{
    public static MembershipView From(Membership m, SeatRules rules) => new(
        m.Id, m.MemberRef, m.CellCode, m.DesignationCode, m.Level, m.Zone, m.StateCode, m.DistrictCode, m.MandalCode,
        m.Status, m.PaymentStatus, m.SeatSequence, m.Fee, m.AmountPaid,
        RequiresPayment: m.HasPaymentOutstanding,
        HoldsSeat: rules.Holds(m),
        m.CreatedAt, m.LockedAt, m.ActivatedAt, m.ExpiresAt, m.RevokedAt, m.ExpiredAt, m.RefundRequired);
}

/// <summary>The scope a request names: codes for cell, designation and units, a zone name.</summary>
public sealed record MembershipScope(string? Cell, string? Designation, Level Level,
    string? Zone = null, string? State = null, string? District = null, string? Mandal = null)
{
    public UnitSelection Units => UnitSelection.Create(Zone, State, District, Mandal);
}

public sealed record JoinMembershipRequest(string? MemberRef, MembershipScope Scope, bool Activate = false);

/// <summary>
/// The membership after a join; <see cref="Existing"/> when the member already held a seat in the scope.
/// <see cref="Alerts"/>: the level-cap alerts the new seat raised (none for an existing one).
/// </summary>
public sealed record JoinOutcome(MembershipView Membership, bool Existing)
{
    public IReadOnlyList<Alerts.AlertView> Alerts { get; init; } = [];
}

public sealed record MembershipAvailability(SeatCount Designation, SeatCount? LevelAggregate, decimal Fee);

public enum PaymentOutcome
{
    Success,
    Failed,
}

/// <summary>Preview and apply answer alike (api-v1.md "reassignment").</summary>
public sealed record ReassignmentOutcome(bool Accepted, int SeatSequence, decimal Fee, decimal Paid, decimal DeltaDue,
    MembershipStatus TargetStatus, PaymentStatus TargetPaymentStatus, bool DryRun);

public sealed record MembershipFilter(string? Cell = null, string? Designation = null, Level? Level = null,
    string? Zone = null, string? State = null, string? District = null, string? Mandal = null,
    MembershipStatus? Status = null, bool? HoldsSeat = null, string? MemberRef = null, string? Search = null);
