using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipService
{
    /// <summary>
    /// Joins a member to a scope. A member who already holds a seat there gets that membership back
    /// (<see cref="JoinOutcome.Existing"/>). Otherwise, in one locked transaction: designation scope
    /// (NO_SEATS_DESIGNATION), then the aggregate caps (NO_SEATS_LEVEL_AGGREGATE), then the lowest
    /// free seat. PENDING_PAYMENT with a seat lock when the fee is above 0, else PENDING_APPROVAL;
    /// <see cref="JoinMembershipRequest.Activate"/> (CS and Administrators) creates it ACTIVE.
    /// A new seat writes level-cap alert outbox rows in the same transaction; they are evaluated after
    /// the commit (<see cref="JoinOutcome.Alerts"/>).
    /// </summary>
    public async Task<Result<JoinOutcome>> JoinAsync(Actor actor, JoinMembershipRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Consume, "join members") is { } denied) return denied;
        if (request.Activate && actor.Refusal(Permission.EditCapacity, "activate a membership without payment") is { } notManager) return notManager;
        var memberRef = request.MemberRef?.Trim();
        if (string.IsNullOrEmpty(memberRef)) return DomainError.Validation("memberRef", "memberRef is required.");
        if (memberRef.Length > Membership.MemberRefMaxLength)
            return DomainError.Validation("memberRef", $"memberRef has at most {Membership.MemberRefMaxLength} characters.");

        var rules = await RulesAsync(ct);
        List<AlertEvaluationRequest> requests = [];
        var result = await SeatScopeTransaction.RunAsync<ResolvedScope, JoinOutcome>(contexts, rules,
            (db, c) => ResolveAsync(db, request.Scope, rules, c),
            async (db, scope, c) =>
            {
                var key = scope.ScopeKey;
                var existing = await db.Memberships.Where(m => m.ScopeKey == key && m.MemberRef == memberRef)
                    .Where(rules.HoldsSeat).FirstOrDefaultAsync(c);
                if (existing is not null) return SeatStep<JoinOutcome>.Done(new JoinOutcome(MembershipView.From(existing, rules), Existing: true));

                if (!scope.Cell.IsActive)
                    return SeatStep<JoinOutcome>.Refused(DomainError.Conflict(MembershipErrorCodes.CellInactive, $"Cell {scope.Cell.Code} accepts no joins."));

                var seat = await SeatAllocator.AllocateAsync(db, scope.Cell.Code, scope.Designation, scope.Path, scope.Caps, rules, exclude: null, preferredSeat: null, c);
                if (!seat.IsSuccess) return SeatStep<JoinOutcome>.Refused(seat.Error);

                var membership = Membership.Join(memberRef, scope.Cell.Code, scope.Designation, scope.Path, seat.Value.SeatSequence, request.Activate, rules.Now);
                db.Memberships.Add(membership);
                requests = RequestSeatAlerts(db, scope.Caps, rules.Now);
                return SeatStep<JoinOutcome>.Done(new JoinOutcome(MembershipView.From(membership, rules), Existing: false));
            }, ct);
        if (!result.IsSuccess || requests.Count == 0) return result;
        return result.Value with { Alerts = await EvaluateSeatAlertsAsync(result, requests, ct) };
    }
}
