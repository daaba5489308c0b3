using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

public sealed partial class MembershipService
{
    /// <summary>
    /// Records a payment outcome. Success activates (expiry = activation + validity days); when the
    /// seat lock had lapsed the seat is re-taken under the scope locks (the old number if still free,
    /// else the lowest free one), and when there is no room any more the payment is refused with
    /// SEAT_NO_LONGER_AVAILABLE and the membership is saved with <c>refundRequired</c>. Failure marks
    /// the payment FAILED and releases a pending seat. Nothing outstanding: INVALID_TRANSITION.
    /// </summary>
    public async Task<Result<MembershipView>> RecordPaymentAsync(Actor actor, Guid id, PaymentOutcome outcome, string? providerRef = null, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Consume, "record payments") is { } denied) return denied;
        var reference = providerRef?.Trim();
        if (reference is { Length: > 200 }) return DomainError.Validation("providerRef", "providerRef has at most 200 characters.");

        var rules = await RulesAsync(ct);
        List<AlertEvaluationRequest> requests = [];
        var result = await SeatScopeTransaction.RunAsync<MembershipPlan, MembershipView>(contexts, rules,
            (db, c) => PlanForMembershipAsync(db, id, rules, withCaps: true, c),
            async (db, plan, c) =>
            {
                var m = plan.Membership;
                if (!m.HasPaymentOutstanding) return SeatStep<MembershipView>.Refused(InvalidTransition(m, "paid"));

                if (outcome == PaymentOutcome.Failed)
                {
                    m.FailPayment(reference, rules.Now);
                    return SeatStep<MembershipView>.Done(MembershipView.From(m, rules));
                }

                if (m.Status == MembershipStatus.ACTIVE || rules.Holds(m))
                {
                    m.ConfirmPayment(m.SeatSequence, plan.Designation.ValidityDays, reference, rules.Now);
                    return SeatStep<MembershipView>.Done(MembershipView.From(m, rules));
                }

                // The lock lapsed: the seat is only the member's again if the scope still has room.
                var otherSeat = await db.Memberships.Where(o => o.ScopeKey == m.ScopeKey && o.MemberRef == m.MemberRef && o.Id != m.Id)
                    .Where(rules.HoldsSeat).AnyAsync(c);
                var seat = otherSeat ? default
                    : await SeatAllocator.AllocateAsync(db, m.CellCode, plan.Designation, m.Path, plan.Caps, rules, exclude: m.Id, preferredSeat: m.SeatSequence, c);
                if (otherSeat || !seat.IsSuccess)
                {
                    m.RefusePaymentSeatLost(reference, rules.Now);
                    var why = otherSeat ? "the member holds another seat in this scope" : seat.Error!.Detail;
                    return SeatStep<MembershipView>.RefusedButKeep(new DomainError(ErrorKind.Conflict, MembershipErrorCodes.SeatNoLongerAvailable,
                        $"The seat lock lapsed and the seat is no longer available ({why}); the membership is flagged for a refund.")
                    {
                        Extensions = new Dictionary<string, object?> { ["membershipId"] = m.Id, ["refundRequired"] = true },
                    });
                }

                m.ConfirmPayment(seat.Value.SeatSequence, plan.Designation.ValidityDays, reference, rules.Now);
                requests = RequestSeatAlerts(db, plan.Caps, rules.Now);
                return SeatStep<MembershipView>.Done(MembershipView.From(m, rules));
            }, ct);
        await EvaluateSeatAlertsAsync(result, requests, ct);
        return result;
    }
}
