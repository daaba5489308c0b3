using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipService
{
    /// <summary>
    /// Moves an ACTIVE, PENDING_APPROVAL, PENDING_PAYMENT or EXPIRED membership to another scope (upgrade,
    /// move). Preview (<paramref name="dryRun"/>) and apply run the SAME code under the same locks; the
    /// preview rolls the transaction back. The member's own current seat is not counted. The seat number
    /// is kept when the scope does not change, else the lowest free one is taken. <c>paid</c> is what was
    /// received so far, <c>deltaDue</c> = max(0, fee - paid). Status (product.md §4.4): ACTIVE and
    /// PENDING_APPROVAL stay; PENDING_PAYMENT and EXPIRED become PENDING_APPROVAL; any amount due is a
    /// PENDING payment.
    /// </summary>
    public async Task<Result<ReassignmentOutcome>> ReassignAsync(Actor actor, Guid id, MembershipScope target, bool dryRun, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "reassign memberships") is { } denied) return denied;
        var rules = await RulesAsync(ct);
        List<AlertEvaluationRequest> requests = [];
        var result = await SeatScopeTransaction.RunAsync<ReassignmentPlan, ReassignmentOutcome>(contexts, rules,
            async (db, c) =>
            {
                var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, c);
                if (membership is null) return NotFound(id);
                var scope = await ResolveAsync(db, target, rules, c);
                if (!scope.IsSuccess) return scope.Error;
                return new ReassignmentPlan(membership, scope.Value);
            },
            async (db, plan, c) =>
            {
                var m = plan.Membership;
                var to = plan.Target;
                if (!m.CanReassign) return SeatStep<ReassignmentOutcome>.Refused(InvalidTransition(m, "reassigned"));
                if (!to.Cell.IsActive)
                    return SeatStep<ReassignmentOutcome>.Refused(DomainError.Conflict(MembershipErrorCodes.CellInactive, $"Cell {to.Cell.Code} accepts no joins."));

                var sameScope = to.ScopeKey == m.ScopeKey;
                if (!sameScope && await db.Memberships.Where(o => o.ScopeKey == to.ScopeKey && o.MemberRef == m.MemberRef && o.Id != m.Id)
                        .Where(rules.HoldsSeat).AnyAsync(c))
                    return SeatStep<ReassignmentOutcome>.Refused(DomainError.Conflict(ErrorCodes.Duplicate, $"Member {m.MemberRef} already holds a seat in the target scope."));

                var seat = await SeatAllocator.AllocateAsync(db, to.Cell.Code, to.Designation, to.Path, to.Caps, rules,
                    exclude: m.Id, preferredSeat: sameScope ? m.SeatSequence : null, c);
                if (!seat.IsSuccess) return SeatStep<ReassignmentOutcome>.Refused(seat.Error);

                var outcome = Decide(m, to.Designation.Fee, seat.Value.SeatSequence, dryRun);
                if (dryRun) return SeatStep<ReassignmentOutcome>.Preview(outcome);

                var before = $"{m.ScopeKey}#{m.SeatSequence}";
                m.Reassign(to.Cell.Code, to.Designation.Code, to.Path, outcome.SeatSequence, outcome.Fee, outcome.TargetStatus, outcome.TargetPaymentStatus, rules.Now);
                Audit(db, actor, m, "scope", before, $"{m.ScopeKey}#{m.SeatSequence}", "reassignment", rules.Now);
                requests = RequestSeatAlerts(db, to.Caps, rules.Now);
                return SeatStep<ReassignmentOutcome>.Done(outcome);
            }, ct);
        await EvaluateSeatAlertsAsync(result, requests, ct);
        return result;
    }

    /// <summary>The money side of a reassignment (pure).</summary>
    public static ReassignmentOutcome Decide(Membership m, decimal targetFee, int seatSequence, bool dryRun)
    {
        var paid = m.AmountPaid;
        var due = Math.Max(0m, targetFee - paid);
        var status = m.Status is MembershipStatus.PENDING_PAYMENT or MembershipStatus.EXPIRED ? MembershipStatus.PENDING_APPROVAL : m.Status;
        var payment = due > 0 ? PaymentStatus.PENDING : paid > 0 ? PaymentStatus.SUCCESS : PaymentStatus.NOT_REQUIRED;
        return new ReassignmentOutcome(true, seatSequence, targetFee, paid, due, status, payment, dryRun);
    }

    private sealed record ReassignmentPlan(Membership Membership, ResolvedScope Target) : ISeatPlan
    {
        public IReadOnlyList<string> DesignationScopes => [Membership.ScopeKey, Target.ScopeKey];
        public IReadOnlyList<ApplicableCap> Caps => Target.Caps;
    }
}
