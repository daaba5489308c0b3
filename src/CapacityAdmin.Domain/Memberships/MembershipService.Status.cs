using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipService
{
    /// <summary>PENDING_APPROVAL -> ACTIVE (expiry = now + validity days).</summary>
    public Task<Result<MembershipView>> ApproveAsync(Actor actor, Guid id, string? reason = null, CancellationToken ct = default) =>
        ChangeAsync(actor, id, withCaps: false, (db, plan, rules, c) =>
        {
            var m = plan.Membership;
            if (!m.CanApprove) return Task.FromResult<DomainError?>(InvalidTransition(m, "approved"));
            var old = m.Status;
            m.Approve(plan.Designation.ValidityDays, rules.Now);
            Audit(db, actor, m, "status", old.ToString(), m.Status.ToString(), reason, rules.Now);
            return Task.FromResult<DomainError?>(null);
        }, ct);

    /// <summary>ACTIVE, PENDING_APPROVAL or PENDING_PAYMENT -> REVOKED; the seat is free at once.</summary>
    public Task<Result<MembershipView>> RevokeAsync(Actor actor, Guid id, string? reason = null, CancellationToken ct = default) =>
        ChangeAsync(actor, id, withCaps: false, (db, plan, rules, c) =>
        {
            var m = plan.Membership;
            if (!m.CanRevoke) return Task.FromResult<DomainError?>(InvalidTransition(m, "revoked"));
            var old = m.Status;
            m.Revoke(rules.Now);
            Audit(db, actor, m, "status", old.ToString(), m.Status.ToString(), reason, rules.Now);
            return Task.FromResult<DomainError?>(null);
        }, ct);

    /// <summary>
    /// EXPIRED or REVOKED -> ACTIVE on a new lowest free seat, checked exactly like a join
    /// (CELL_INACTIVE, NO_SEATS_DESIGNATION, NO_SEATS_LEVEL_AGGREGATE). A member who meanwhile holds
    /// another seat in the scope is refused with DUPLICATE.
    /// </summary>
    public async Task<Result<MembershipView>> ReactivateAsync(Actor actor, Guid id, string? reason = null, CancellationToken ct = default)
    {
        List<AlertEvaluationRequest> requests = [];
        var result = await ChangeAsync(actor, id, withCaps: true, async (db, plan, rules, c) =>
        {
            var m = plan.Membership;
            if (!m.CanReactivate) return InvalidTransition(m, "reactivated");
            if (!plan.Cell.IsActive) return DomainError.Conflict(MembershipErrorCodes.CellInactive, $"Cell {plan.Cell.Code} accepts no joins.");
            var other = await db.Memberships.Where(o => o.ScopeKey == m.ScopeKey && o.MemberRef == m.MemberRef && o.Id != m.Id)
                .Where(rules.HoldsSeat).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(c);
            if (other is not null)
                return DomainError.Conflict(ErrorCodes.Duplicate, $"Member {m.MemberRef} already holds a seat in this scope (membership {other}).");

            var seat = await SeatAllocator.AllocateAsync(db, m.CellCode, plan.Designation, m.Path, plan.Caps, rules, exclude: m.Id, preferredSeat: null, c);
            if (!seat.IsSuccess) return seat.Error;
            var old = m.Status;
            m.Reactivate(seat.Value.SeatSequence, plan.Designation.ValidityDays, rules.Now);
            Audit(db, actor, m, "status", old.ToString(), m.Status.ToString(), reason, rules.Now);
            requests = RequestSeatAlerts(db, plan.Caps, rules.Now);
            return null;
        }, ct);
        await EvaluateSeatAlertsAsync(result, requests, ct);
        return result;
    }

    /// <summary>Changes the expiry of an ACTIVE membership (reason required); the validity sweep treats it like any other.</summary>
    public Task<Result<MembershipView>> ChangeExpiryAsync(Actor actor, Guid id, DateTimeOffset expiresAt, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Task.FromResult<Result<MembershipView>>(DomainError.Validation("reason", "A reason is required."));
        if (reason.Trim().Length > MembershipCapacityChange.ReasonMaxLength)
            return Task.FromResult<Result<MembershipView>>(DomainError.Validation("reason", $"A reason has at most {MembershipCapacityChange.ReasonMaxLength} characters."));
        return ChangeAsync(actor, id, withCaps: false, (db, plan, rules, c) =>
        {
            var m = plan.Membership;
            if (!m.CanChangeExpiry) return Task.FromResult<DomainError?>(InvalidTransition(m, "given a new expiry"));
            var old = m.ExpiresAt;
            m.ChangeExpiry(expiresAt.ToUniversalTime());
            Audit(db, actor, m, "expiresAt", old?.ToString("O"), m.ExpiresAt?.ToString("O"), reason, rules.Now);
            return Task.FromResult<DomainError?>(null);
        }, ct);
    }

    /// <summary>A status change of one membership under the lock of its scope (no lost updates).</summary>
    private async Task<Result<MembershipView>> ChangeAsync(Actor actor, Guid id, bool withCaps,
        Func<Data.CapacityDbContext, MembershipPlan, SeatRules, CancellationToken, Task<DomainError?>> change, CancellationToken ct)
    {
        if (actor.Refusal(Permission.EditCapacity, "manage memberships") is { } denied) return denied;
        var rules = await RulesAsync(ct);
        return await SeatScopeTransaction.RunAsync<MembershipPlan, MembershipView>(contexts, rules,
            (db, c) => PlanForMembershipAsync(db, id, rules, withCaps, c),
            async (db, plan, c) =>
            {
                var error = await change(db, plan, rules, c);
                return error is null
                    ? SeatStep<MembershipView>.Done(MembershipView.From(plan.Membership, rules))
                    : SeatStep<MembershipView>.Refused(error);
            }, ct);
    }
}
