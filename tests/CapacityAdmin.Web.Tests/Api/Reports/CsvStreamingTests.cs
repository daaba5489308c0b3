using System.Net;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Reports;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Api.Reports;

/// <summary>
/// The streamed CSV endpoints write exactly the table the in-memory writer builds from the whole list, over more rows than
/// one keyset page (500), with names repeated across page boundaries (the keyset's tie-break on id).
/// </summary>
public sealed class CsvStreamingTests : IAsyncLifetime
{
    private static readonly Actor Sales = new("csv-sales", Roles.Sales, null);
    private readonly ClockedAppFactory _app = ClockedAppFactory.Create(new Dictionary<string, string?> { ["Seed:DemoData"] = "false" });

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await ArrangeAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task UtilizationCsv_MoreRowsThanOnePage_StreamsTheSameTableAsBefore()
    {
        // Arrange
        using var sales = await _app.CreateApiClientAsync(Roles.Sales);
        await using var scope = _app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<UtilizationReportService>().BuildAsync(Sales);
        var expected = UtilizationReportService.ToCsv(report.Value!);

        // Act
        var response = await sales.GetAsync("api/v1/reports/utilization?format=csv");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(report.Value!.Campaigns.Count > 1_000 && report.Value.Bundles.Count > 500);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, body);
        // Independently of the report's own reader: every campaign once, in the campaign list's order (name, then id), then
        // every bundle once, in the bundle list's order.
        var campaigns = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var list = (await scope.ServiceProvider.GetRequiredService<CapacityQueryService>()
                .ListCampaignStatusesAsync(Sales, new CampaignStatusQuery(Page: page, PageSize: PageRequest.MaxPageSize))).Value!;
            campaigns.AddRange(list.Items.Select(c => c.CampaignId));
            if (page * PageRequest.MaxPageSize >= list.Total) break;
        }
        var bundles = (await scope.ServiceProvider.GetRequiredService<BundleService>().ListAsync(Sales)).Select(b => b.BundleId);
        var ids = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] is "campaign" or "bundle").Select(f => Guid.Parse(f[1])).ToList();
        Assert.Equal(campaigns.Concat(bundles), ids);
    }

    [Theory]
    [InlineData("", UpsellSort.Forecast)]
    [InlineData("?sort=newest", UpsellSort.CreatedAt)]
    public async Task UpsellCsv_MoreRowsThanOnePage_StreamsTheSameTableAsBefore(string parameters, UpsellSort sort)
    {
        // Arrange
        using var sales = await _app.CreateApiClientAsync(Roles.Sales);
        await using var scope = _app.Services.CreateAsyncScope();
        // The list's own pages, in its order: the CSV carries the same items in the same order.
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        var rows = new List<UpsellItemView>();
        for (var page = 1; ; page++)
        {
            var items = (await alerts.ListUpsellAsync(Sales, new UpsellQuery(Sort: sort), new PageRequest(page, PageRequest.MaxPageSize))).Value!.Items;
            rows.AddRange(items);
            if (items.Count < PageRequest.MaxPageSize) break;
        }
        using var table = new MemoryStream();
        await UpsellCsv.WriteAsync(table, rows.ToAsyncEnumerable());
        var expected = System.Text.Encoding.UTF8.GetString(table.ToArray());

        // Act
        var response = await sales.GetAsync($"api/v1/upsell.csv{parameters}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upsell.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(rows.Count > 500);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(UpsellSort.Company, false)]
    [InlineData(UpsellSort.Pool, true)]
    [InlineData(UpsellSort.Utilization, true)]
    [InlineData(UpsellSort.CreatedAt, false)]
    public async Task UpsellExport_ColumnSort_HasTheListsItemsInTheListsOrder(UpsellSort sort, bool descending)
    {
        // Arrange: the list's pages, as the upsell page shows them for this sort
        await using var scope = _app.Services.CreateAsyncScope();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        var query = new UpsellQuery(Sort: sort, Descending: descending);
        var listed = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var items = (await alerts.ListUpsellAsync(Sales, query, new PageRequest(page, PageRequest.MaxPageSize))).Value!.Items;
            listed.AddRange(items.Select(i => i.AlertId));
            if (items.Count < PageRequest.MaxPageSize) break;
        }

        // Act
        var exported = await alerts.StreamUpsellExport(Sales, query).Value!.Select(v => v.AlertId).ToListAsync();

        // Assert
        Assert.True(listed.Count > 500);
        Assert.Equal(listed, exported);
    }

    /// <summary>1,100 campaigns and 600 bundles over two companies (names repeat across them), and 600 upsell alerts raised by the scan (campaigns at 80-89 %).</summary>
    private async Task ArrangeAsync()
    {
        var now = _app.Clock.GetUtcNow();
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var company = new Company("Streaming Co", now);
            var other = new Company("Streaming Other Co", now);
            db.Companies.AddRange(company, other);
            var campaigns = Enumerable.Range(0, 1_100).Select(i =>
            {
                var c = new Campaign(i < 550 ? company.Id : other.Id, $"Campaign {i % 550:D4}", PricingModel.Seats, CampaignStatus.Active, 10, 0, now);
                c.SetModelLimits(100, null, null);
                return c;
            }).ToList();
            db.Campaigns.AddRange(campaigns);
            // Bundle names are unique per company: the repeats are across the two companies.
            db.Bundles.AddRange(Enumerable.Range(0, 600).Select(i =>
                new Bundle(i < 300 ? company.Id : other.Id, $"Bundle {i % 300:D4}", null, 50, BundleSubscriptionStatus.Active, now)));
            await db.SaveChangesAsync();
            var upsell = campaigns.Take(600).Select(c => c.Id).ToList();
            var i = 0;
            foreach (var chunk in upsell.Chunk(60))
            {
                var ids = chunk.ToList();
                var used = 80 + i++ % 10;
                await db.Campaigns.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, used));
            }
        }
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertScanService>().ScanAsync();
    }
}
