using CapacityAdmin.Domain.Common;
using System.Text.Json.Serialization;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Api;

// Membership enums keep their upper-case names on the wire (api-v1.md "Conventions"): their members carry
// [JsonStringEnumMemberName], which WireNames and the API's JSON converter both read.

public sealed record CellRequest(string? Code, string? Name, bool? IsActive);

public sealed record CreateDesignationBody(string? Code, string? Name, int DefaultCapacity, decimal? Fee, int? ValidityDays, int? Rank);

public sealed record UpdateDesignationBody(int? DefaultCapacity, decimal? Fee, int? ValidityDays, string? Reason, string? Name, int? Rank);

public sealed record DesignationLevelBody(int Capacity, string? Reason);

public sealed record LevelCapacityBody(string? Cell, string? Level, string? Zone, string? State, string? District, string? Mandal, int Capacity, string? Reason);

public sealed record JoinBody(string? MemberRef, string? Cell, string? Designation, string? Level, string? Zone, string? State, string? District, string? Mandal, bool? Activate);

public sealed record PaymentBody(string? Outcome, string? ProviderRef);

public sealed record ReasonBody(string? Reason);

public sealed record ExpiryBody(DateTimeOffset? ExpiresAt, string? Reason);

public sealed record ScopeBody(string? Cell, string? Designation, string? Level, string? Zone, string? State, string? District, string? Mandal);

public sealed record DesignationResponse(string Code, string Name, int DefaultCapacity, decimal Fee, int ValidityDays, int Rank, IReadOnlyDictionary<string, int> LevelCapacities)
{
    public static DesignationResponse From(DesignationView d) =>
        new(d.Code, d.Name, d.DefaultCapacity, d.Fee, d.ValidityDays, d.Rank, d.LevelCapacities.ToDictionary(p => WireNames.Of(p.Key), p => p.Value));
}

/// <summary>A blanket row (no unit) reports <c>used: null</c> explicitly (api-v1.md "Clarifications").</summary>
public sealed record LevelCapacityResponse(Guid Id, string Cell, string Level, string? Zone, string? State, string? District, string? Mandal, int Capacity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Used, bool IsBlanket)
{
    public static LevelCapacityResponse From(LevelCapacityView v) =>
        new(v.Id, v.Cell, WireNames.Of(v.Level), (v.Zone is { } vz ? WireNames.Of(vz) : null), v.State, v.District, v.Mandal, v.Capacity, v.Used, v.IsBlanket);
}

public sealed record MembershipResponse(
    Guid Id, string MemberRef, string Cell, string Designation, string Level, string? Zone, string? State, string? District, string? Mandal,
    string Status, string PaymentStatus, int SeatSequence, decimal Fee, decimal AmountPaid, bool RequiresPayment, bool HoldsSeat,
    DateTimeOffset CreatedAt, DateTimeOffset? LockedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiredAt, bool RefundRequired)
{
    public static MembershipResponse From(MembershipView m) => new(
        m.Id, m.MemberRef, m.Cell, m.Designation, WireNames.Of(m.Level), (m.Zone is { } mz ? WireNames.Of(mz) : null), m.State, m.District, m.Mandal,
        WireNames.Of(m.Status), WireNames.Of(m.PaymentStatus), m.SeatSequence, m.Fee, m.AmountPaid, m.RequiresPayment, m.HoldsSeat,
        m.CreatedAt, m.LockedAt, m.ActivatedAt, m.ExpiresAt, m.RevokedAt, m.ExpiredAt, m.RefundRequired);
}

public sealed record SeatCountResponse(int Capacity, int Used, int Remaining);

/// <summary><c>levelAggregate</c> is always present, <c>null</c> when no aggregate cap applies (api-v1.md "Conventions").</summary>
public sealed record AvailabilityResponse(SeatCountResponse Designation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SeatCountResponse? LevelAggregate, decimal Fee);

public sealed record ReassignmentResponse(bool Accepted, int SeatSequence, decimal Fee, decimal Paid, decimal DeltaDue, string TargetStatus, string TargetPaymentStatus, bool DryRun)
{
    public static ReassignmentResponse From(ReassignmentOutcome o) =>
        new(o.Accepted, o.SeatSequence, o.Fee, o.Paid, o.DeltaDue, WireNames.Of(o.TargetStatus), WireNames.Of(o.TargetPaymentStatus), o.DryRun);
}

internal static class MembershipParsing
{
    /// <summary>A missing or blank code is the client's mistake (400 naming the field), not an unknown code (404).</summary>
    public static void RequireCode(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"{field} is required."];
    }

    public static Level? ParseLevel(string? value, string field, Dictionary<string, string[]> errors)
    {
        var level = WireNames.ParseRequired<Level>(value, field);
        if (level.IsSuccess) return level.Value;
        errors[field] = [level.Error.Detail];
        return null;
    }
}
