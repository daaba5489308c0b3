using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Memberships;

public sealed class MembershipJoinTests : IAsyncLifetime
{
    private MembershipDatabase _db = null!;
    private MembershipHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await MembershipDatabase.CreateSqliteAsync();
        _h = await MembershipHarness.CreateAsync(_db);
        await _h.DesignationAsync("PRES", capacity: 1);
        await _h.DesignationAsync("SEC", capacity: 2, fee: 100m, validityDays: 30);
        await _h.DesignationAsync("MEM", capacity: 10);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Join_WithFee_IsPendingPaymentWithLock()
    {
        var m = await _h.JoinOkAsync("a", _h.Scope("SEC", Level.STATE, "S1"));

        Assert.Equal((MembershipStatus.PENDING_PAYMENT, PaymentStatus.PENDING, 1, 100m, true, true),
            (m.Status, m.PaymentStatus, m.SeatSequence, m.Fee, m.RequiresPayment, m.HoldsSeat));
        Assert.Equal(_h.Clock.GetUtcNow(), m.LockedAt);
    }

    [Fact]
    public async Task Join_WithoutFee_IsPendingApproval()
    {
        var m = await _h.JoinOkAsync("a", _h.Scope("PRES", Level.NATIONAL));

        Assert.Equal((MembershipStatus.PENDING_APPROVAL, PaymentStatus.NOT_REQUIRED, false), (m.Status, m.PaymentStatus, m.RequiresPayment));
    }

    [Fact]
    public async Task Join_ActivateByCs_IsActiveWithoutPayment_ByIntegration_IsForbidden()
    {
        var m = await _h.JoinOkAsync("a", _h.Scope("SEC", Level.NATIONAL), activate: true);
        var refused = await _h.JoinAsync("b", _h.Scope("SEC", Level.NATIONAL), activate: true, actor: Integration);

        Assert.Equal((MembershipStatus.ACTIVE, PaymentStatus.NOT_REQUIRED), (m.Status, m.PaymentStatus));
        Assert.Equal(_h.Clock.GetUtcNow().AddDays(30), m.ExpiresAt);
        Refused(refused, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Join_AtMandal_DerivesDistrictStateAndZone()
    {
        var m = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.MANDAL, "M3"));

        Assert.Equal((Zone.SOUTH, _h.C("S1"), _h.C("D2"), _h.C("M3")), (m.Zone, m.State, m.District, m.Mandal));
    }

    [Fact]
    public async Task Join_AncestorThatDisagrees_IsValidationFailed()
    {
        var scope = _h.Scope("MEM", Level.MANDAL, "M3") with { District = _h.C("D1") };

        Refused(await _h.JoinAsync("a", scope), ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Join_SameMemberSameScope_ReturnsTheExistingMembership()
    {
        var first = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1"));
        var again = Ok(await _h.JoinAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1")));

        Assert.True(again.Existing);
        Assert.Equal(first.Id, again.Membership.Id);
        Assert.Equal(1, await _h.HoldersAsync(q => q));
    }

    [Theory]
    [InlineData(Level.ZONE, MembershipErrorCodes.ZoneRequired)]
    [InlineData(Level.STATE, MembershipErrorCodes.StateRequired)]
    [InlineData(Level.DISTRICT, MembershipErrorCodes.DistrictRequired)]
    [InlineData(Level.MANDAL, MembershipErrorCodes.MandalRequired)]
    public async Task Join_WithoutTheLevelsUnit_IsRefused(Level level, string code) =>
        Refused(await _h.JoinAsync("a", new MembershipScope(_h.C("GB"), _h.C("MEM"), level)), code);

    [Fact]
    public async Task Join_UnknownCellDesignationOrUnit_IsNotFound()
    {
        Refused(await _h.JoinAsync("a", _h.Scope("MEM", Level.NATIONAL, cell: "NOPE")), MembershipErrorCodes.CellNotFound);
        Refused(await _h.JoinAsync("a", _h.Scope("NOPE", Level.NATIONAL)), MembershipErrorCodes.DesignationNotFound);
        Refused(await _h.JoinAsync("a", _h.Scope("MEM", Level.DISTRICT, "NOPE")), MembershipErrorCodes.UnitNotFound);
        Refused(await _h.JoinAsync("a", _h.Scope("MEM", Level.ZONE, "NOWHERE")), MembershipErrorCodes.UnitNotFound);
    }

    [Fact]
    public async Task Join_InactiveCell_IsRefused() =>
        Refused(await _h.JoinAsync("a", _h.Scope("MEM", Level.NATIONAL, cell: "WW")), MembershipErrorCodes.CellInactive);

    [Fact]
    public async Task Join_DesignationScopeFull_IsNoSeatsDesignation_OtherScopesUnaffected()
    {
        await _h.JoinOkAsync("a", _h.Scope("PRES", Level.STATE, "S1"));

        Refused(await _h.JoinAsync("b", _h.Scope("PRES", Level.STATE, "S1")), MembershipErrorCodes.NoSeatsDesignation);
        await _h.JoinOkAsync("b", _h.Scope("PRES", Level.STATE, "S2"));
    }

    [Fact]
    public async Task Join_BothFull_DesignationIsCheckedFirst()
    {
        await _h.CapAsync(Level.NATIONAL, null, 1);
        await _h.JoinOkAsync("a", _h.Scope("PRES", Level.NATIONAL));

        Refused(await _h.JoinAsync("b", _h.Scope("PRES", Level.NATIONAL)), MembershipErrorCodes.NoSeatsDesignation);
        Refused(await _h.JoinAsync("b", _h.Scope("MEM", Level.NATIONAL)), MembershipErrorCodes.NoSeatsLevelAggregate);
    }

    [Fact]
    public async Task Join_BlanketCap_AppliesToEachUnitSeparately()
    {
        await _h.CapAsync(Level.DISTRICT, null, 1);

        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.DISTRICT, "D2"));
        Refused(await _h.JoinAsync("c", _h.Scope("PRES", Level.DISTRICT, "D1")), MembershipErrorCodes.NoSeatsLevelAggregate);
    }

    [Fact]
    public async Task Join_UnitRowBeatsBlanketRow()
    {
        await _h.CapAsync(Level.DISTRICT, null, 1);
        await _h.CapAsync(Level.DISTRICT, "D1", 2);

        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("b", _h.Scope("PRES", Level.DISTRICT, "D1"));
        Refused(await _h.JoinAsync("c", _h.Scope("MEM", Level.DISTRICT, "D1")), MembershipErrorCodes.NoSeatsLevelAggregate);
    }

    [Fact]
    public async Task Join_AdvancedMandalRow_IsEnforced()
    {
        await _h.CapAsync(Level.MANDAL, "M1", 1);

        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.MANDAL, "M1"));
        Refused(await _h.JoinAsync("b", _h.Scope("PRES", Level.MANDAL, "M1")), MembershipErrorCodes.NoSeatsLevelAggregate);
        await _h.JoinOkAsync("b", _h.Scope("PRES", Level.MANDAL, "M2"));
    }

    [Fact]
    public async Task Join_StateCapWithRollUpOff_DoesNotCountDistricts_WithRollUpOn_Does()
    {
        await _h.CapAsync(Level.STATE, "S1", 1);
        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.STATE, "S1"));   // off: the district seat is not counted

        await _h.SettingsAsync(hierarchical: true);

        Refused(await _h.JoinAsync("c", _h.Scope("MEM", Level.MANDAL, "M1")), MembershipErrorCodes.NoSeatsLevelAggregate);
        await _h.JoinOkAsync("c", _h.Scope("MEM", Level.MANDAL, "M4"));    // another state
    }

    [Fact]
    public async Task Join_TakesLowestFreeSeat_AndReusesNumbersAfterRevokeAndExpiry()
    {
        var a = await _h.JoinOkAsync("a", _h.Scope("MEM", Level.NATIONAL), activate: true);
        var b = await _h.JoinOkAsync("b", _h.Scope("MEM", Level.NATIONAL), activate: true);
        var c = await _h.JoinOkAsync("c", _h.Scope("MEM", Level.NATIONAL));
        Assert.Equal([1, 2, 3], new[] { a.SeatSequence, b.SeatSequence, c.SeatSequence });

        Ok(await _h.Members.RevokeAsync(Cs, a.Id, "left"));
        var d = await _h.JoinOkAsync("d", _h.Scope("MEM", Level.NATIONAL));
        Assert.Equal(1, d.SeatSequence);

        Ok(await _h.Members.ChangeExpiryAsync(Cs, b.Id, _h.Clock.GetUtcNow().AddMinutes(-1), "ended early"));
        Assert.Equal(1, await _h.Members.ExpirePastValidityAsync());
        var e = await _h.JoinOkAsync("e", _h.Scope("MEM", Level.NATIONAL));
        Assert.Equal(2, e.SeatSequence);

        var revoked = Ok(await _h.Members.GetAsync(Cs, a.Id));
        Assert.Equal((MembershipStatus.REVOKED, 1, false), (revoked.Status, revoked.SeatSequence, revoked.HoldsSeat)); // number kept as history
    }

    [Fact]
    public async Task Join_AfterLapsedLock_ReusesItsNumber_AndExpiresTheLapsedRow()
    {
        var a = await _h.JoinOkAsync("a", _h.Scope("SEC", Level.NATIONAL));
        await _h.JoinOkAsync("b", _h.Scope("SEC", Level.NATIONAL));
        Refused(await _h.JoinAsync("c", _h.Scope("SEC", Level.NATIONAL)), MembershipErrorCodes.NoSeatsDesignation);

        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var c = await _h.JoinOkAsync("c", _h.Scope("SEC", Level.NATIONAL));

        Assert.Equal(a.SeatSequence, c.SeatSequence);
        var lapsed = Ok(await _h.Members.GetAsync(Cs, a.Id));
        Assert.Equal((MembershipStatus.EXPIRED, false), (lapsed.Status, lapsed.HoldsSeat));
    }

    [Fact]
    public async Task Availability_ReportsDesignationAndTightestCapAndFee()
    {
        await _h.CapAsync(Level.STATE, null, 3);
        await _h.JoinOkAsync("a", _h.Scope("SEC", Level.STATE, "S1"));
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.STATE, "S1"));

        var sec = Ok(await _h.Members.GetAvailabilityAsync(Integration, _h.Scope("SEC", Level.STATE, "S1")));
        var national = Ok(await _h.Members.GetAvailabilityAsync(Integration, _h.Scope("SEC", Level.NATIONAL)));

        Assert.Equal(new SeatCount(2, 1, 1), sec.Designation);
        Assert.Equal(new SeatCount(3, 2, 1), sec.LevelAggregate);
        Assert.Equal(100m, sec.Fee);
        Assert.Null(national.LevelAggregate);
    }
}
