using Microsoft.EntityFrameworkCore;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Memberships;

public sealed class MembershipLifecycleTests : IAsyncLifetime
{
    private MembershipDatabase _db = null!;
    private MembershipHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await MembershipDatabase.CreateSqliteAsync();
        _h = await MembershipHarness.CreateAsync(_db);
        await _h.DesignationAsync("PRES", capacity: 1, fee: 250m);
        await _h.DesignationAsync("SEC", capacity: 1, fee: 100m, validityDays: 30);
        await _h.DesignationAsync("MEM", capacity: 2);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private MembershipScope Sec => _h.Scope("SEC", Level.NATIONAL);

    [Fact]
    public async Task Payment_Success_ActivatesWithValidity()
    {
        var m = await _h.JoinOkAsync("a", Sec);
        _h.Clock.Advance(TimeSpan.FromMinutes(2));

        var paid = Ok(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success, "pay-1"));

        Assert.Equal((MembershipStatus.ACTIVE, PaymentStatus.SUCCESS, 100m, false), (paid.Status, paid.PaymentStatus, paid.AmountPaid, paid.RequiresPayment));
        Assert.Equal(_h.Clock.GetUtcNow(), paid.ActivatedAt);
        Assert.Equal(_h.Clock.GetUtcNow().AddDays(30), paid.ExpiresAt);
        Refused(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success), ErrorCodes.InvalidTransition); // paying twice
    }

    [Fact]
    public async Task Payment_AfterLapsedLock_SeatStillFree_ReTakesIt()
    {
        var m = await _h.JoinOkAsync("a", Sec);
        _h.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await _h.Members.ExpireLapsedSeatLocksAsync());

        var paid = Ok(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success));

        Assert.Equal((MembershipStatus.ACTIVE, 1, true, false), (paid.Status, paid.SeatSequence, paid.HoldsSeat, paid.RefundRequired));
    }

    [Fact]
    public async Task Payment_AfterLapsedLock_SeatTaken_IsRefusedAndFlaggedForRefund()
    {
        var m = await _h.JoinOkAsync("a", Sec);
        _h.Clock.Advance(TimeSpan.FromMinutes(6));
        var other = await _h.JoinOkAsync("b", Sec);

        var error = Refused(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success, "pay-late"), MembershipErrorCodes.SeatNoLongerAvailable);

        var stored = Ok(await _h.Members.GetAsync(Cs, m.Id));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal((MembershipStatus.EXPIRED, true, false, PaymentStatus.SUCCESS), (stored.Status, stored.RefundRequired, stored.HoldsSeat, stored.PaymentStatus));
        Assert.Equal(MembershipStatus.PENDING_PAYMENT, Ok(await _h.Members.GetAsync(Cs, other.Id)).Status);
        Refused(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success), ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task Payment_LapsedButNotYetSwept_SeatFree_ReTakesIt()
    {
        var m = await _h.JoinOkAsync("a", Sec);
        _h.Clock.Advance(TimeSpan.FromMinutes(10));

        var paid = Ok(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success));

        Assert.Equal((MembershipStatus.ACTIVE, PaymentStatus.SUCCESS), (paid.Status, paid.PaymentStatus));
    }

    [Fact]
    public async Task Payment_Failed_ReleasesTheSeat()
    {
        var m = await _h.JoinOkAsync("a", Sec);

        var failed = Ok(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Failed));

        Assert.Equal((MembershipStatus.EXPIRED, PaymentStatus.FAILED, false), (failed.Status, failed.PaymentStatus, failed.HoldsSeat));
        Assert.Equal(1, (await _h.JoinOkAsync("b", Sec)).SeatSequence);
    }

    [Fact]
    public async Task Approve_PendingApproval_BecomesActive_OtherStatuses_AreInvalidTransitions()
    {
        var free = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.NATIONAL));
        var paying = await _h.JoinOkAsync("b", Sec);

        var approved = Ok(await _h.Members.ApproveAsync(Cs, free.Id, "ok"));

        Assert.Equal(MembershipStatus.ACTIVE, approved.Status);
        Assert.Equal(_h.Clock.GetUtcNow().AddDays(365), approved.ExpiresAt);
        Refused(await _h.Members.ApproveAsync(Cs, free.Id), ErrorCodes.InvalidTransition);
        Refused(await _h.Members.ApproveAsync(Cs, paying.Id), ErrorCodes.InvalidTransition);
        Refused(await _h.Members.ApproveAsync(Integration, paying.Id), ErrorCodes.Forbidden);
        Refused(await _h.Members.ApproveAsync(Cs, Guid.NewGuid()), MembershipErrorCodes.MembershipNotFound);
    }

    [Fact]
    public async Task Revoke_ThenReactivate_TakesTheLowestFreeSeatLikeAJoin()
    {
        var a = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.NATIONAL), activate: true);
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.NATIONAL), activate: true);
        Ok(await _h.Members.RevokeAsync(Cs, a.Id, "misconduct"));
        Refused(await _h.Members.RevokeAsync(Cs, a.Id), ErrorCodes.InvalidTransition);

        var c = await _h.JoinOkAsync("c", _h.Scope("MEM", Level.NATIONAL));
        Refused(await _h.Members.ReactivateAsync(Cs, a.Id), MembershipErrorCodes.NoSeatsDesignation);

        Ok(await _h.Members.RevokeAsync(Cs, c.Id));
        var back = Ok(await _h.Members.ReactivateAsync(Cs, a.Id, "appeal won"));
        Assert.Equal((MembershipStatus.ACTIVE, 1, (DateTimeOffset?)null), (back.Status, back.SeatSequence, back.RevokedAt));
        Refused(await _h.Members.ReactivateAsync(Cs, a.Id), ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task Reactivate_AggregateCapFull_IsNoSeatsLevelAggregate()
    {
        await _h.CapAsync(Level.NATIONAL, null, 1);
        var a = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.NATIONAL), activate: true);
        Ok(await _h.Members.RevokeAsync(Cs, a.Id));
        await _h.JoinOkAsync("b", _h.Scope("PRES", Level.NATIONAL), activate: true);

        Refused(await _h.Members.ReactivateAsync(Cs, a.Id), MembershipErrorCodes.NoSeatsLevelAggregate);
    }

    [Fact]
    public async Task Reassign_PreviewAndApply_Agree_AndPreviewWritesNothing()
    {
        var m = await _h.JoinOkAsync("a", Sec);
        Ok(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success));
        var target = _h.Scope("PRES", Level.STATE, "S1");

        var preview = Ok(await _h.Members.ReassignAsync(Cs, m.Id, target, dryRun: true));
        var unchanged = Ok(await _h.Members.GetAsync(Cs, m.Id));
        var applied = Ok(await _h.Members.ReassignAsync(Cs, m.Id, target, dryRun: false));
        var moved = Ok(await _h.Members.GetAsync(Cs, m.Id));

        Assert.Equal(preview with { DryRun = false }, applied);
        Assert.Equal((true, 1, 250m, 100m, 150m, MembershipStatus.ACTIVE, PaymentStatus.PENDING),
            (applied.Accepted, applied.SeatSequence, applied.Fee, applied.Paid, applied.DeltaDue, applied.TargetStatus, applied.TargetPaymentStatus));
        Assert.Equal((_h.C("SEC"), Level.NATIONAL), (unchanged.Designation, unchanged.Level));
        Assert.Equal((_h.C("PRES"), Level.STATE, _h.C("S1"), MembershipStatus.ACTIVE, PaymentStatus.PENDING, true),
            (moved.Designation, moved.Level, moved.State, moved.Status, moved.PaymentStatus, moved.RequiresPayment));

        var settled = Ok(await _h.Members.RecordPaymentAsync(Integration, m.Id, PaymentOutcome.Success));
        Assert.Equal((PaymentStatus.SUCCESS, 250m), (settled.PaymentStatus, settled.AmountPaid));
    }

    [Fact]
    public async Task Reassign_ExcludesTheMembersOwnSeat()
    {
        await _h.CapAsync(Level.NATIONAL, null, 1);
        var m = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.NATIONAL), activate: true);

        // The cap is full with the member's own seat; moving inside it is still possible.
        var outcome = Ok(await _h.Members.ReassignAsync(Cs, m.Id, _h.Scope("PRES", Level.NATIONAL), dryRun: false));
        var same = Ok(await _h.Members.ReassignAsync(Cs, m.Id, _h.Scope("PRES", Level.NATIONAL), dryRun: true));

        Assert.Equal((1, 250m), (outcome.SeatSequence, outcome.DeltaDue));
        Assert.Equal(1, same.SeatSequence);
        Refused(await _h.JoinAsync("b", _h.Scope("MEM", Level.NATIONAL)), MembershipErrorCodes.NoSeatsLevelAggregate);
    }

    [Fact]
    public async Task Reassign_TargetFull_IsRefusedLikeAJoin_PreviewAndApplyAlike()
    {
        await _h.JoinOkAsync("a", _h.Scope("PRES", Level.NATIONAL), activate: true);
        var m = await _h.JoinOkAsync("b", _h.Scope("MEM", Level.NATIONAL), activate: true);
        var revoked = await _h.JoinOkAsync("c", _h.Scope("MEM", Level.NATIONAL), activate: true);
        Ok(await _h.Members.RevokeAsync(Cs, revoked.Id));

        Refused(await _h.Members.ReassignAsync(Cs, m.Id, _h.Scope("PRES", Level.NATIONAL), dryRun: true), MembershipErrorCodes.NoSeatsDesignation);
        Refused(await _h.Members.ReassignAsync(Cs, m.Id, _h.Scope("PRES", Level.NATIONAL), dryRun: false), MembershipErrorCodes.NoSeatsDesignation);
        Refused(await _h.Members.ReassignAsync(Cs, revoked.Id, _h.Scope("MEM", Level.STATE, "S1"), dryRun: true), ErrorCodes.InvalidTransition);
        Refused(await _h.Members.ReassignAsync(Cs, m.Id, _h.Scope("MEM", Level.NATIONAL, cell: "WW"), dryRun: true), MembershipErrorCodes.CellInactive);
    }

    [Fact]
    public async Task Sweeps_ExpireLapsedLocksAndPastValidity_AndCountThem()
    {
        var paying = await _h.JoinOkAsync("a", Sec);
        var active = await _h.JoinOkAsync("b", _h.Scope("MEM", Level.NATIONAL), activate: true);
        Assert.Equal(0, await _h.Members.ExpireLapsedSeatLocksAsync());

        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await _h.Members.ExpireLapsedSeatLocksAsync());
        Assert.Equal(0, await _h.Members.ExpirePastValidityAsync());

        _h.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(1, await _h.Members.ExpirePastValidityAsync());
        Assert.Equal(0, await _h.Members.ExpirePastValidityAsync());

        Assert.Equal(MembershipStatus.EXPIRED, Ok(await _h.Members.GetAsync(Cs, paying.Id)).Status);
        var expired = Ok(await _h.Members.GetAsync(Cs, active.Id));
        Assert.Equal((MembershipStatus.EXPIRED, _h.Clock.GetUtcNow()), (expired.Status, expired.ExpiredAt!.Value));
    }

    [Fact]
    public async Task ChangeExpiry_NeedsAReason_AndAnActiveMembership()
    {
        var active = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.NATIONAL), activate: true);
        var pending = await _h.JoinOkAsync("b", _h.Scope("MEM", Level.NATIONAL));
        var later = _h.Clock.GetUtcNow().AddDays(400);

        Refused(await _h.Members.ChangeExpiryAsync(Cs, active.Id, later, " "), ErrorCodes.ValidationFailed);
        Refused(await _h.Members.ChangeExpiryAsync(Cs, pending.Id, later, "why"), ErrorCodes.InvalidTransition);
        var changed = Ok(await _h.Members.ChangeExpiryAsync(Cs, active.Id, later, "extended by board"));

        Assert.Equal(later, changed.ExpiresAt);
        await using var db = _h.Database.CreateDbContext();
        var audit = (await db.MembershipCapacityChanges.AsNoTracking().ToListAsync()).Select(c => c.ToView()).ToList();
        Assert.Contains(audit, c => c.Subject == new AuditSubject(AuditSubjectType.Membership, active.Id.ToString())
            && c.Field == "expiresAt" && c.Reason == "extended by board" && c.ChangedBy == Cs.Name);
    }

    [Fact]
    public async Task List_FiltersByScopeStatusAndHoldsSeat_Paged()
    {
        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.MANDAL, "M1"), activate: true);
        var b = await _h.JoinOkAsync("b", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("c", _h.Scope("MEM", Level.STATE, "S2"));
        Ok(await _h.Members.RevokeAsync(Cs, b.Id));

        var inS1 = Ok(await _h.Members.ListAsync(Cs, new MembershipFilter(Cell: _h.C("GB"), State: _h.C("S1")), new PageRequest()));
        var holding = Ok(await _h.Members.ListAsync(Cs, new MembershipFilter(Cell: _h.C("GB"), HoldsSeat: true), new PageRequest(1, 1)));
        var notHolding = Ok(await _h.Members.ListAsync(Cs, new MembershipFilter(Cell: _h.C("GB"), HoldsSeat: false), new PageRequest()));
        var revoked = Ok(await _h.Members.ListAsync(Cs, new MembershipFilter(Status: MembershipStatus.REVOKED, Designation: _h.C("MEM")), new PageRequest()));

        Assert.Equal(2, inS1.Total);
        Assert.Equal((2, 1), (holding.Total, holding.Items.Count));
        Assert.Equal(b.Id, Assert.Single(notHolding.Items).Id);
        Assert.Equal(b.Id, Assert.Single(revoked.Items).Id);
    }
}
