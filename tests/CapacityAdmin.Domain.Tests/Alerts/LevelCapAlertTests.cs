using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
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
        Assert.Equal(2, first.AlertsRaised);
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

    private AlertScanService Scanner()
    {
        var evaluator = new AlertEvaluator(_db, _h.Clock, Options.Create(new AlertOptions()), NullLogger<AlertEvaluator>.Instance);
        return new AlertScanService(_db, evaluator, _h.Reports);
    }
}
