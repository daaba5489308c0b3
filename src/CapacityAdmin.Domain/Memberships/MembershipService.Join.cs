using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Data;
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
    /// A new seat that takes a level cap into a higher alert band writes that cap's outbox row in the same
    /// transaction; it is evaluated after the commit (<see cref="JoinOutcome.Alerts"/>).
    /// </summary>
    public async Task<Result<JoinOutcome>> JoinAsync(Actor actor, JoinMembershipRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Consume, "join members") is { } denied) return denied;
        if (request.Activate && actor.Refusal(Permission.EditCapacity, "activate a membership without payment") is { } notManager) return notManager;
        var memberRef = request.MemberRef?.Trim();
        if (string.IsNullOrEmpty(memberRef)) return DomainError.Validation("memberRef", "memberRef is required.");
        if (memberRef.Length > Membership.MemberRefMaxLength)
            return DomainError.Validation("memberRef", $"memberRef has at most {Membership.MemberRefMaxLength} characters.");

        var scope = request.Scope;
        if (UnitRequirement.Check(scope.Level, scope.Units) is { } missing) return missing;
        return await JoinLockedAsync(new JoinQuery(scope.Cell, scope.Designation, scope.Level, scope.Units), memberRef, request.Activate, ct);
    }

    /// <summary>
    /// The join's locked transaction (the steps of <see cref="SeatScopeTransaction"/>, written out for the hot path with
    /// <see cref="JoinStatements"/>): on PostgreSQL and SQL Server plan, begin, lock and plan again (start over when the fresh
    /// plan needs a lock not held); on SQLite plan once behind the writer gate (<c>BEGIN IMMEDIATE</c> serialises writers).
    /// Then release lapsed locks, count, decide, insert, commit. The outbox row of a level cap is written only when this
    /// seat takes the cap into a higher band (decided here from the count just read), and evaluated after the commit.
    /// </summary>
    private async Task<Result<JoinOutcome>> JoinLockedAsync(JoinQuery query, string memberRef, bool activate, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var bands = await alerts.Bands.GetAsync(db, ct);
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        JoinPlan? planned = null;
        if (!sqlite)
        {
            var first = await JoinStatements.ReadPlanAsync(db, query, [], options.Value, now, ct);
            if (!first.IsSuccess) return first.Error;
            planned = first.Value;
        }

        for (var attempt = 1; attempt <= SeatScopeTransaction.MaxAttempts; attempt++)
        {
            var locked = planned is null ? [] : SeatScopeTransaction.LockKeys(planned);
            await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
            var fresh = await JoinStatements.ReadPlanAsync(db, query, locked, options.Value, now, ct);
            if (!fresh.IsSuccess)
            {
                await tx.RollbackAsync(ct);
                return fresh.Error;
            }
            var plan = fresh.Value;
            if (planned is not null && !SeatScopeTransaction.LockKeys(plan).All(locked.Contains))
            {
                await tx.RollbackAsync(ct);
                var again = await JoinStatements.ReadPlanAsync(db, query, [], options.Value, now, ct);
                if (!again.IsSuccess) return again.Error;
                planned = again.Value;
                continue;
            }

            var rules = plan.Rules;
            var seats = await JoinStatements.ReadSeatsAsync(db, plan, memberRef, ct);
            if (seats.ExistingId is { } id)
            {
                var existing = await db.Memberships.AsNoTracking().FirstAsync(m => m.Id == id, ct);
                await tx.CommitAsync(ct); // keeps the lapsed locks just released, as every seat operation does
                return new JoinOutcome(MembershipView.From(existing, rules), Existing: true);
            }
            if (!plan.Cell.IsActive)
            {
                await tx.RollbackAsync(ct);
                return DomainError.Conflict(MembershipErrorCodes.CellInactive, $"Cell {plan.Cell.Code} accepts no joins.");
            }
            var seat = SeatAllocator.Decide(seats.Usage, plan.Cell.Code, plan.Designation, plan.Path, preferredSeat: null);
            if (!seat.IsSuccess)
            {
                await tx.RollbackAsync(ct);
                return seat.Error;
            }

            var membership = Membership.Join(memberRef, plan.Cell.Code, plan.Designation, plan.Path, seat.Value.SeatSequence, activate, rules.Now);
            var requests = AlertEvaluationRequest.ForSeatCrossings(seats.Usage.Caps, bands, rules.Now);
            await ModelInsert.InsertAsync(db, [membership, .. requests], ct);
            await tx.CommitAsync(ct);
            var outcome = new JoinOutcome(MembershipView.From(membership, rules), Existing: false);
            return requests.Count == 0 ? outcome : outcome with { Alerts = await alerts.EvaluateRequestsAfterCommitAsync(requests, ct) };
        }
        throw new InvalidOperationException($"The scopes of a join kept changing over {SeatScopeTransaction.MaxAttempts} attempts.");
    }
}
