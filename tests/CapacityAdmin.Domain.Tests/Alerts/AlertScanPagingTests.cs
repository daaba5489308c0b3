using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>
/// The threshold scan over more pools than one keyset page (500): every pool is seen once, exactly the pools in a band get
/// one alert of their highest band, and a second scan or a second scanner adds nothing.
/// </summary>
public abstract class AlertScanPagingTests(TestDatabase database) : AlertTest(database)
{
    private const int Campaigns = 1_203;

    [Fact]
    public async Task Scan_MorePoolsThanOnePage_RaisesExactlyTheBandedPools()
    {
        // Arrange
        var expected = await ManyCampaignsAsync();

        // Act
        var first = await Scanner.ScanAsync();
        var second = await Scanner.ScanAsync();

        // Assert
        await AssertOneAlertPerBandedPoolAsync(expected);
        Assert.True(first.Campaigns >= Campaigns); // on PostgreSQL other tests' campaigns are scanned too
        Assert.True(first.AlertsRaised >= expected.Count(e => e.Value is not null));
        Assert.Equal(0, second.AlertsRaised);
    }

    [Fact]
    public async Task Scan_TwoScannersOverManyPages_OneAlertPerPool()
    {
        // Arrange
        var expected = await ManyCampaignsAsync();

        // Act
        await RaceAsync(2, _ => Scanner.ScanAsync());

        // Assert
        await AssertOneAlertPerBandedPoolAsync(expected);
    }

    /// <summary>Seats campaigns of 10 seats (hard limit 11) with usage put in place without evaluation, cycling through every band.</summary>
    private async Task<Dictionary<Guid, string?>> ManyCampaignsAsync()
    {
        var company = await NewCompanyAsync();
        (int Enrolled, string? Threshold)[] bands = [(0, null), (7, null), (8, "80%"), (9, "90%"), (10, "100%"), (11, "110%")];
        var expected = new Dictionary<Guid, string?>();
        await using var db = Database.CreateDbContext();
        var rows = new List<(Campaign Campaign, int Enrolled)>();
        for (var i = 0; i < Campaigns; i++)
        {
            var campaign = new Campaign(company, $"Paged {i}", PricingModel.Seats, CampaignStatus.Active, 10, 0, Clock.GetUtcNow());
            campaign.SetModelLimits(10, null, null);
            var (enrolled, threshold) = bands[i % bands.Length];
            rows.Add((campaign, enrolled));
            expected[campaign.Id] = threshold;
        }
        db.Campaigns.AddRange(rows.Select(r => r.Campaign));
        await db.SaveChangesAsync();
        foreach (var group in rows.Where(r => r.Enrolled > 0).GroupBy(r => r.Enrolled))
        {
            var ids = group.Select(r => r.Campaign.Id).ToList();
            await db.Campaigns.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, group.Key));
        }
        return expected;
    }

    private async Task AssertOneAlertPerBandedPoolAsync(Dictionary<Guid, string?> expected)
    {
        await using var db = Database.CreateDbContext();
        var ids = expected.Keys.ToList();
        var alerts = (await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.PoolId)).Select(a => new { a.PoolId, a.Threshold }).ToListAsync())
            .GroupBy(a => a.PoolId).ToDictionary(g => g.Key, g => g.Select(a => a.Threshold).ToList());
        foreach (var (id, threshold) in expected)
        {
            if (threshold is null) Assert.False(alerts.ContainsKey(id), $"Campaign {id} is below every band but was alerted.");
            else Assert.Equal([threshold], alerts.GetValueOrDefault(id) ?? []);
        }
        Assert.Equal(expected.Count(e => e.Value is not null), alerts.Count);
    }
}

public sealed class SqliteAlertScanPagingTests() : AlertScanPagingTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresAlertScanPagingTests(PostgresDatabaseFixture fixture)
    : AlertScanPagingTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
