using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Tests.Memberships;

public class SeatPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(MembershipStatus.ACTIVE, null, true)]
    [InlineData(MembershipStatus.PENDING_APPROVAL, null, true)]
    [InlineData(MembershipStatus.PENDING_PAYMENT, 0, true)]        // locked just now
    [InlineData(MembershipStatus.PENDING_PAYMENT, 299, true)]      // 4:59 old: fresh
    [InlineData(MembershipStatus.PENDING_PAYMENT, 300, false)]     // exactly the timeout: lapsed
    [InlineData(MembershipStatus.PENDING_PAYMENT, 3600, false)]
    [InlineData(MembershipStatus.EXPIRED, 0, false)]
    [InlineData(MembershipStatus.REVOKED, 0, false)]
    public void HoldsSeat_FunctionAndExpression_Agree(MembershipStatus status, int? lockAgeSeconds, bool expected)
    {
        DateTimeOffset? lockedAt = lockAgeSeconds is { } s ? Now.AddSeconds(-s) : null;

        var byFunction = SeatHolding.HoldsSeat(status, lockedAt, Now, Timeout);
        var byExpression = SeatHolding.HoldsSeatExpression(Now, Timeout).Compile()(MembershipFactory.With(status, lockedAt));

        Assert.Equal(expected, byFunction);
        Assert.Equal(expected, byExpression);
    }

    [Fact]
    public void LapsedLockExpression_MatchesOnlyLapsedPendingPayments()
    {
        var lapsed = SeatHolding.LapsedLockExpression(Now, Timeout).Compile();

        Assert.True(lapsed(MembershipFactory.With(MembershipStatus.PENDING_PAYMENT, Now.AddMinutes(-5))));
        Assert.False(lapsed(MembershipFactory.With(MembershipStatus.PENDING_PAYMENT, Now.AddMinutes(-4))));
        Assert.False(lapsed(MembershipFactory.With(MembershipStatus.ACTIVE, Now.AddHours(-9))));
    }

    [Fact]
    public void ScopeKeys_NormalisedAndNonNullable()
    {
        Assert.Equal("GB|PRES|NATIONAL|", ScopeKeys.Designation("GB", "PRES", UnitPath.National));
        Assert.Equal("GB|PRES|ZONE|SOUTH", ScopeKeys.Designation("GB", "PRES", new UnitPath(Level.ZONE, Zone.SOUTH, null, null, null)));
        Assert.Equal("GB|SEC|MANDAL|M1", ScopeKeys.Designation("GB", "SEC", new UnitPath(Level.MANDAL, Zone.SOUTH, "S1", "D1", "M1")));
        Assert.Equal("A|GB|DISTRICT|D1", ScopeKeys.AggregateLock("GB", Level.DISTRICT, "D1"));
        Assert.Equal("D|GB|PRES|NATIONAL|", ScopeKeys.DesignationLock("GB|PRES|NATIONAL|"));
    }

    [Fact]
    public void UnitPath_DerivesAncestorUnits()
    {
        var path = new UnitPath(Level.MANDAL, Zone.SOUTH, "S1", "D1", "M1");

        Assert.Equal("SOUTH", path.UnitCodeAt(Level.ZONE));
        Assert.Equal("S1", path.UnitCodeAt(Level.STATE));
        Assert.Equal("", path.UnitCodeAt(Level.NATIONAL));
    }

    [Fact]
    public void Governing_UnitRowBeatsBlanketRow()
    {
        LevelCapacity[] rows = [new("GB", Level.STATE, "", 120), new("GB", Level.STATE, "S1", 7)];

        var s1 = CapPolicy.Governing(rows, "GB", Level.STATE, "S1");
        var s2 = CapPolicy.Governing(rows, "GB", Level.STATE, "S2");

        Assert.Equal((7, false, "S1"), (s1!.Capacity, s1.FromBlanketRow, s1.UnitCode));
        Assert.Equal((120, true, "S2"), (s2!.Capacity, s2.FromBlanketRow, s2.UnitCode)); // blanket: per unit, keyed by the concrete unit
        Assert.Null(CapPolicy.Governing(rows, "GB", Level.DISTRICT, "D1"));
        Assert.Null(CapPolicy.Governing(rows, "WW", Level.STATE, "S1"));
    }

    [Fact]
    public void Applicable_AdvancedRows_AreEnforcedAtTheirOwnLevel()
    {
        LevelCapacity[] rows = [new("GB", Level.NATIONAL, "", 72), new("GB", Level.ZONE, "", 40), new("GB", Level.MANDAL, "M1", 50)];
        var mandal = new UnitPath(Level.MANDAL, Zone.SOUTH, "S1", "D1", "M1");

        var caps = CapPolicy.Applicable(rows, "GB", mandal, hierarchical: false);

        var cap = Assert.Single(caps);
        Assert.Equal((Level.MANDAL, "M1", 50), (cap.Level, cap.UnitCode, cap.Capacity));
    }

    [Fact]
    public void Applicable_RollUpOff_OnlyOwnLevel_RollUpOn_EveryAncestor()
    {
        LevelCapacity[] rows = [new("GB", Level.NATIONAL, "", 72), new("GB", Level.ZONE, "", 40), new("GB", Level.STATE, "S1", 10)];
        var district = new UnitPath(Level.DISTRICT, Zone.SOUTH, "S1", "D1", null);

        var off = CapPolicy.Applicable(rows, "GB", district, hierarchical: false);
        var on = CapPolicy.Applicable(rows, "GB", district, hierarchical: true);

        Assert.Empty(off);
        Assert.Equal(["A|GB|NATIONAL|", "A|GB|STATE|S1", "A|GB|ZONE|SOUTH"], on.Select(c => c.LockKey)); // sorted: the global lock order
        Assert.Equal([72, 10, 40], on.Select(c => c.Capacity));
    }

    [Theory]
    [InlineData(new int[0], 3, 1)]
    [InlineData(new[] { 1, 2 }, 3, 3)]
    [InlineData(new[] { 2, 3 }, 3, 1)]
    [InlineData(new[] { 1, 3 }, 5, 2)]
    [InlineData(new[] { 1, 2, 3 }, 3, null)]
    [InlineData(new[] { 1, 5, 6 }, 3, 2)]        // capacity lowered below old numbers
    [InlineData(new int[0], 0, null)]
    public void LowestFree_TakesTheLowestUnusedNumberUpToCapacity(int[] taken, int capacity, int? expected) =>
        Assert.Equal(expected, SeatNumbers.LowestFree(taken, capacity));

    [Theory]
    [InlineData(Level.ZONE, MembershipErrorCodes.ZoneRequired)]
    [InlineData(Level.STATE, MembershipErrorCodes.StateRequired)]
    [InlineData(Level.DISTRICT, MembershipErrorCodes.DistrictRequired)]
    [InlineData(Level.MANDAL, MembershipErrorCodes.MandalRequired)]
    public void UnitRequirement_MissingUnit_IsRefusedWithTheLevelsCode(Level level, string code)
    {
        var error = UnitRequirement.Check(level, new UnitSelection(Zone: level > Level.ZONE ? "SOUTH" : null));

        Assert.Equal(code, error!.Code);
    }

    [Fact]
    public void UnitRequirement_NationalTakesNoUnit_FinerUnitsAreRefused()
    {
        Assert.Null(UnitRequirement.Check(Level.NATIONAL, new UnitSelection()));
        Assert.Null(UnitRequirement.Check(Level.MANDAL, new UnitSelection(Zone: "SOUTH", State: "S1", District: "D1", Mandal: "M1")));
        Assert.Equal("VALIDATION_FAILED", UnitRequirement.Check(Level.STATE, new UnitSelection(State: "S1", Mandal: "M1"))!.Code);
        Assert.Equal("VALIDATION_FAILED", UnitRequirement.Check(Level.NATIONAL, new UnitSelection(Zone: "SOUTH"))!.Code);
    }

    [Theory]
    [InlineData(MembershipStatus.ACTIVE, 100, 100, 250, 150, MembershipStatus.ACTIVE, PaymentStatus.PENDING)]
    [InlineData(MembershipStatus.ACTIVE, 100, 100, 50, 0, MembershipStatus.ACTIVE, PaymentStatus.SUCCESS)]
    [InlineData(MembershipStatus.PENDING_APPROVAL, 0, 0, 0, 0, MembershipStatus.PENDING_APPROVAL, PaymentStatus.NOT_REQUIRED)]
    [InlineData(MembershipStatus.PENDING_APPROVAL, 0, 0, 80, 80, MembershipStatus.PENDING_APPROVAL, PaymentStatus.PENDING)]
    [InlineData(MembershipStatus.PENDING_PAYMENT, 100, 0, 250, 250, MembershipStatus.PENDING_APPROVAL, PaymentStatus.PENDING)]
    [InlineData(MembershipStatus.PENDING_PAYMENT, 100, 0, 0, 0, MembershipStatus.PENDING_APPROVAL, PaymentStatus.NOT_REQUIRED)]
    [InlineData(MembershipStatus.EXPIRED, 100, 100, 250, 150, MembershipStatus.PENDING_APPROVAL, PaymentStatus.PENDING)]
    public void Decide_Reassignment_ComputesDeltaAndTargetStatus(MembershipStatus status, int fee, int paid, int targetFee, int due,
        MembershipStatus targetStatus, PaymentStatus targetPayment)
    {
        var m = MembershipFactory.Paid(status, fee, paid > 0);

        var outcome = MembershipService.Decide(m, targetFee, 4, dryRun: true);

        Assert.Equal((true, 4, (decimal)targetFee, (decimal)paid, (decimal)due, targetStatus, targetPayment),
            (outcome.Accepted, outcome.SeatSequence, outcome.Fee, outcome.Paid, outcome.DeltaDue, outcome.TargetStatus, outcome.TargetPaymentStatus));
    }
}
