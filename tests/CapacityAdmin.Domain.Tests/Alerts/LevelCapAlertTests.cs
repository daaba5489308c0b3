using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>The scan over level caps: unit rows, and blanket rows once per unit with seat holders.</summary>
public sealed class LevelCapAlertTests : IAsyncLifetime
{
    private MembershipDatabase _db = null!;
    private MembershipHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await MembershipDatabase.CreateSqliteAsync();
        _h = await MembershipHarness.CreateAsync(_db);
        await _h.DesignationAsync("MEM", capacity: 10);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Scan_FullUnitCapAndBlanketCapAt80Percent_RaiseOneAlertEach()
    {
        // Arrange: NATIONAL capped at 2 (full: its hard limit, no overage on caps); ZONE blanket 5, SOUTH holds 4.
        // The 2nd NATIONAL join raises the NATIONAL alert at once (unit/NATIONAL rows are evaluated on join);
        // the blanket row is left to the scan.
        await _h.CapAsync(Level.NATIONAL, null, 2);
        await _h.CapAsync(Level.ZONE, null, 5);
        for (var i = 0; i < 2; i++) await _h.JoinOkAsync($"n{i}", _h.Scope("MEM", Level.NATIONAL), activate: true);
        for (var i = 0; i < 4; i++) await _h.JoinOkAsync($"z{i}", _h.Scope("MEM", Level.ZONE, "SOUTH"), activate: true);
        var scanner = Scanner();

        // Act
        var first = await scanner.ScanAsync();
        var second = await scanner.ScanAsync();

        // Assert
        Assert.Equal(2, first.LevelCaps);
        Assert.Equal(1, first.AlertsRaised);
        Assert.Equal(0, second.AlertsRaised);
        await using var db = _db.CreateDbContext();
        var alerts = await db.Alerts.AsNoTracking().Include(a => a.Deliveries).Where(a => a.PoolType == PoolType.LevelCapacity).ToListAsync();
        var national = Assert.Single(alerts, a => a.PoolId == AlertPool.LevelCapPoolId(_h.C("GB"), "NATIONAL", null));
        Assert.Equal(("110%", AlertSeverity.Critical, (Guid?)null, 100.00m), (national.Threshold, national.Severity, national.CompanyId, national.UtilizationPercent));
        Assert.All(national.Deliveries, d => Assert.Equal(DeliveryState.NoAddress, d.State)); // no company, no CS users: recorded
        var south = Assert.Single(alerts, a => a.PoolId == AlertPool.LevelCapPoolId(_h.C("GB"), "ZONE", "SOUTH"));
        Assert.Equal(("80%", 80.00m, PoolMeasure.Seats), (south.Threshold, south.UtilizationPercent, south.Measure));
        Assert.Contains("SOUTH", south.PoolName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_ZoneCapOf5ReachesFourUsed_RaisesInfoAlertRightAwayWithoutScan()
    {
        // Arrange: ZONE SOUTH capped at 5, 3 seats held (60 %: below every band)
        await _h.CapAsync(Level.ZONE, "SOUTH", 5);
        var scope = _h.Scope("MEM", Level.ZONE, "SOUTH");
        for (var i = 0; i < 3; i++) Assert.Empty(MembershipHarness.Ok(await _h.JoinAsync($"z{i}", scope, activate: true)).Alerts);

        // Act: the 4th join brings the cap to 80 %
        var outcome = MembershipHarness.Ok(await _h.JoinAsync("z3", scope, activate: true));

        // Assert: raised at once under the scan's pool identity, outbox row gone
        var alert = Assert.Single(outcome.Alerts);
        Assert.Equal((PoolType.LevelCapacity, AlertPool.LevelCapPoolId(_h.C("GB"), "ZONE", "SOUTH"), "80%", AlertSeverity.Info, 4m, 5m),
            (alert.PoolType, alert.PoolId, alert.Threshold, alert.Severity, alert.Used, alert.Limit));
        Assert.Empty(await LevelCapRequestsAsync());
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.PoolType == PoolType.LevelCapacity));
    }

    [Fact]
    public async Task Join_InsideRepeatWindow_RaisesNothingMoreAndScanAgrees()
    {
        // Arrange: 4 of 5 held (80 % raised on the 4th join), then one seat freed
        await _h.CapAsync(Level.ZONE, "SOUTH", 5);
        var scope = _h.Scope("MEM", Level.ZONE, "SOUTH");
        var joined = new List<MembershipView>();
        for (var i = 0; i < 4; i++) joined.Add(await _h.JoinOkAsync($"z{i}", scope, activate: true));
        MembershipHarness.Ok(await _h.Members.RevokeAsync(MembershipHarness.Cs, joined[0].Id, "left"));
        _h.Clock.Advance(TimeSpan.FromHours(1));

        // Act: back to 80 % inside the 24 h window, then a scan
        var again = MembershipHarness.Ok(await _h.JoinAsync("z4", scope, activate: true));
        var scan = await Scanner().ScanAsync();

        // Assert
        Assert.Empty(again.Alerts);
        Assert.Equal(0, scan.AlertsRaised);
        Assert.Empty(await LevelCapRequestsAsync());
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.PoolType == PoolType.LevelCapacity));
    }

    [Fact]
    public async Task Join_UnderBlanketRow_WritesNoRequestAndLeavesItToTheScan()
    {
        // Arrange: ZONE blanket row of 5
        await _h.CapAsync(Level.ZONE, null, 5);
        var scope = _h.Scope("MEM", Level.ZONE, "SOUTH");
        for (var i = 0; i < 3; i++) await _h.JoinOkAsync($"z{i}", scope, activate: true);

        // Act
        var outcome = MembershipHarness.Ok(await _h.JoinAsync("z3", scope, activate: true));
        var scan = await Scanner().ScanAsync();

        // Assert: nothing at join time (a blanket row names no single pool), the scan raises it
        Assert.Empty(outcome.Alerts);
        Assert.Empty(await LevelCapRequestsAsync());
        Assert.Equal(1, scan.AlertsRaised);
    }

    [Fact]
    public async Task CatchUp_LeftoverLevelCapRequest_IsEvaluatedOnceAndDeleted()
    {
        // Arrange: 4 seats under a cap of 10 (40 %), then the cap is lowered to 5 (edits raise nothing);
        // a request row for the cap is left behind, as a crash after a join's commit would leave it.
        await _h.CapAsync(Level.ZONE, "SOUTH", 10);
        var scope = _h.Scope("MEM", Level.ZONE, "SOUTH");
        for (var i = 0; i < 4; i++) Assert.Empty(MembershipHarness.Ok(await _h.JoinAsync($"z{i}", scope, activate: true)).Alerts);
        await _h.CapAsync(Level.ZONE, "SOUTH", 5);
        await using (var db = _db.CreateDbContext())
        {
            var rowId = await db.LevelCapacities.Where(c => c.CellCode == _h.C("GB") && c.Level == Level.ZONE && c.UnitCode == "SOUTH")
                .Select(c => c.Id).SingleAsync();
            db.AlertEvaluationRequests.Add(new AlertEvaluationRequest(PoolType.LevelCapacity, rowId, _h.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        _h.Clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var first = await _h.Alerts.ProcessPendingRequestsAsync(TimeSpan.FromSeconds(10));
        var second = await _h.Alerts.ProcessPendingRequestsAsync(TimeSpan.FromSeconds(10));
        var scan = await Scanner().ScanAsync();

        // Assert
        Assert.Equal(new AlertRequestCatchUpResult(1, 1, 1), first);
        Assert.Equal(new AlertRequestCatchUpResult(0, 0, 0), second);
        Assert.Equal(0, scan.AlertsRaised); // same pool identity as the scan: inside its window
        Assert.Empty(await LevelCapRequestsAsync());
        await using var check = _db.CreateDbContext();
        var alert = await check.Alerts.AsNoTracking().SingleAsync(a => a.PoolType == PoolType.LevelCapacity);
        Assert.Equal((AlertPool.LevelCapPoolId(_h.C("GB"), "ZONE", "SOUTH"), "80%"), (alert.PoolId, alert.Threshold));
    }

    private async Task<List<AlertEvaluationRequest>> LevelCapRequestsAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.AlertEvaluationRequests.AsNoTracking().Where(r => r.PoolType == PoolType.LevelCapacity).ToListAsync();
    }

    private AlertScanService Scanner()
    {
        return new AlertScanService(_db, _h.Alerts, _h.Reports);
    }
}
