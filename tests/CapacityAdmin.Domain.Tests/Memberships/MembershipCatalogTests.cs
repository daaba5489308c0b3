using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Memberships;

public sealed class MembershipCatalogTests : IAsyncLifetime
{
    private MembershipDatabase _db = null!;
    private MembershipHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await MembershipDatabase.CreateSqliteAsync();
        _h = await MembershipHarness.CreateAsync(_db);
        await _h.DesignationAsync("MEM", capacity: 5);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Designation_DuplicateCode_IsRefused_PatchNeedsReason_AndIsAudited()
    {
        Refused(await _h.Catalog.CreateDesignationAsync(Cs, new CreateDesignationRequest(_h.C("mem"), "Again", 1)), ErrorCodes.Duplicate);
        Refused(await _h.Catalog.UpdateDesignationAsync(Cs, _h.C("MEM"), new UpdateDesignationRequest(9, null, null, null)), ErrorCodes.ValidationFailed);
        Refused(await _h.Catalog.UpdateDesignationAsync(Integration, _h.C("MEM"), new UpdateDesignationRequest(9, null, null, "r")), ErrorCodes.Forbidden);

        var updated = Ok(await _h.Catalog.UpdateDesignationAsync(Cs, _h.C("MEM"), new UpdateDesignationRequest(9, 50m, 90, "board decision")));
        var overridden = Ok(await _h.Catalog.SetDesignationLevelCapacityAsync(Cs, _h.C("MEM"), Level.STATE, 2, "small states"));

        Assert.Equal((9, 50m, 90), (updated.DefaultCapacity, updated.Fee, updated.ValidityDays));
        Assert.Equal(2, overridden.LevelCapacities[Level.STATE]);
        var audit = Ok(await _h.Catalog.ListCapacityHistoryAsync(Cs, new CapacityHistoryQuery(Search: _h.C("MEM")), new PageRequest())).Items;
        Assert.Contains(audit, c => c.Subject.Type == AuditSubjectType.Designation && c.Field == "defaultCapacity" && c.OldValue == "5" && c.NewValue == "9"
            && c.Reason == "board decision");
        Assert.Contains(audit, c => c.Subject is { Type: AuditSubjectType.Override, Level: Level.STATE } && c.NewValue == "2");
    }

    [Fact]
    public async Task LevelOverride_ReplacesTheDefaultAtThatLevelOnly()
    {
        Ok(await _h.Catalog.SetDesignationLevelCapacityAsync(Cs, _h.C("MEM"), Level.STATE, 1, "one per state"));

        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.STATE, "S1"));
        Refused(await _h.JoinAsync("b", _h.Scope("MEM", Level.STATE, "S1")), MembershipErrorCodes.NoSeatsDesignation);
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("c", _h.Scope("MEM", Level.DISTRICT, "D1"));
    }

    [Fact]
    public async Task LevelCapacities_ListUsage_BlanketRowsReportNull_DeleteUnknownIsNotFound()
    {
        await _h.CapAsync(Level.NATIONAL, null, 72);
        await _h.CapAsync(Level.ZONE, null, 40);
        await _h.CapAsync(Level.ZONE, "SOUTH", 3);
        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.ZONE, "SOUTH"));
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.NATIONAL));

        var page = Ok(await _h.Catalog.ListLevelCapacitiesAsync(Cs, _h.C("GB"), null, new PageRequest()));

        Assert.Equal(3, page.Total);
        Assert.Equal([(Level.NATIONAL, (Zone?)null, 72, (int?)1), (Level.ZONE, null, 40, null), (Level.ZONE, Zone.SOUTH, 3, 1)],
            page.Items.Select(r => (r.Level, r.Zone, r.Capacity, r.Used)));
        Ok(await _h.Catalog.DeleteLevelCapacityAsync(Cs, new LevelCapacityKey(_h.C("GB"), Level.ZONE, Zone: "SOUTH")));
        Refused(await _h.Catalog.DeleteLevelCapacityAsync(Cs, new LevelCapacityKey(_h.C("GB"), Level.ZONE, Zone: "SOUTH")), MembershipErrorCodes.LevelCapacityNotFound);
        Refused(await _h.Catalog.UpsertLevelCapacityAsync(Cs, new LevelCapacityRequest(new LevelCapacityKey(_h.C("GB"), Level.STATE, State: _h.C("NOPE")), 5, "r")), MembershipErrorCodes.UnitNotFound);
        Refused(await _h.Catalog.UpsertLevelCapacityAsync(Cs, new LevelCapacityRequest(new LevelCapacityKey(_h.C("GB"), Level.NATIONAL), 5, null)), ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Geography_Upsert_CountsAndValidatesParents()
    {
        var result = Ok(await _h.Geography.UpsertAsync(Cs, new GeographyUpsertRequest(
            [new StateInput(_h.C("S1"), "State One Renamed", "SOUTH"), new StateInput(_h.C("S3"), "State Three", "east")],
            [new DistrictInput(_h.C("D9"), "District Nine", _h.C("S3"))],
            [new MandalInput(_h.C("M1"), "Mandal One", _h.C("D1"))])));

        Assert.Equal(new UpsertCounts(1, 1, 0), result.States);
        Assert.Equal(new UpsertCounts(1, 0, 0), result.Districts);
        Assert.Equal(new UpsertCounts(0, 0, 1), result.Mandals);
        var bad = Refused(await _h.Geography.UpsertAsync(Cs, new GeographyUpsertRequest(
            [new StateInput(_h.C("S4"), "Four", "MIDDLE")], [new DistrictInput(_h.C("D8"), "Eight", _h.C("NOPE"))], null)), ErrorCodes.ValidationFailed);
        Assert.Contains("states[0].zone", bad.Errors!.Keys);
        var orphan = Refused(await _h.Geography.UpsertAsync(Cs, new GeographyUpsertRequest(null, [new DistrictInput(_h.C("D8"), "Eight", _h.C("NOPE"))], null)), ErrorCodes.ValidationFailed);
        Assert.Contains("districts[0].stateCode", orphan.Errors!.Keys);
        Assert.Contains(Ok(await _h.Geography.ListMandalsAsync(Cs, _h.C("D1"))), m => m.Code == _h.C("M1") && m.StateCode == _h.C("S1") && m.Zone == Zone.SOUTH);
    }

    [Fact]
    public async Task Geography_MovingAUnitThatMembershipsName_IsRefused()
    {
        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1"));

        var refused = await _h.Geography.UpsertAsync(Cs, new GeographyUpsertRequest(null, [new DistrictInput(_h.C("D1"), "District One", _h.C("S2"))], null));

        Refused(refused, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task UtilizationReport_ListsDesignationScopesAndCaps_BlanketRowsPerUnit()
    {
        await _h.CapAsync(Level.DISTRICT, null, 4);
        await _h.JoinOkAsync("a", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("b", _h.Scope("MEM", Level.DISTRICT, "D1"));
        await _h.JoinOkAsync("c", _h.Scope("MEM", Level.DISTRICT, "D2"));

        var report = Ok(await _h.Reports.GetUtilizationAsync(Cs));

        var mine = report.DesignationScopes.Where(s => s.Cell == _h.C("GB")).ToList();
        Assert.Equal([(_h.C("D1"), 2, 5, 40m), (_h.C("D2"), 1, 5, 20m)], mine.Select(s => (s.District!, s.Used, s.Capacity, s.UtilizationPercent)));
        var caps = report.LevelCaps.Where(c => c.Cell == _h.C("GB")).ToList();
        Assert.Equal([(_h.C("D1"), true, 2, 4), (_h.C("D2"), true, 1, 4)], caps.Select(c => (c.Unit!, c.FromBlanketRow, c.Used, c.Capacity)));
    }

    [Fact]
    public async Task Settings_OnlyAdministratorsChangeThem_AndTheTimeoutAppliesAtOnce()
    {
        await _h.DesignationAsync("PAID", capacity: 1, fee: 10m);
        var paying = await _h.JoinOkAsync("a", _h.Scope("PAID", Level.NATIONAL));
        _h.Clock.Advance(TimeSpan.FromMinutes(2));

        Refused(await _h.Catalog.UpdateSettingsAsync(Cs, new SettingsSnapshot(TimeSpan.FromMinutes(1), true, false)), ErrorCodes.Forbidden);
        Ok(await _h.Catalog.UpdateSettingsAsync(Admin, new SettingsSnapshot(TimeSpan.FromMinutes(1), false, false)));

        Assert.False(Ok(await _h.Members.GetAsync(Cs, paying.Id)).HoldsSeat);
        Assert.False(Ok(await _h.Catalog.GetSettingsAsync(Admin)).ExpirySweepEnabled);
    }
}
