using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Dashboards;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Alerts;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Dashboards;

/// <summary>The dashboards with more pools than they list: the lists are the fullest, the counts cover every pool.</summary>
public sealed class DashboardScaleTests() : AlertTest(new SqliteTestDatabase())
{
    private DashboardService Dashboards =>
        new(Database, BundleService, AlertService, new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())), Clock);

    [Fact]
    public async Task AttentionQueue_MoreHotCampaignsThanTheList_ListsTheFullestAndCountsAll()
    {
        // Arrange: 70 campaigns at 90-110 % of 10 seats (20 of them over 100 %), 30 below 90 %.
        var company = await NewCompanyAsync();
        var used = new Dictionary<Guid, int>();
        for (var i = 0; i < 100; i++)
            used[await SeatsCampaignAsync(company)] = i < 30 ? 8 : 9 + i % 3;
        await using (var db = Database.CreateDbContext())
            foreach (var group in used.GroupBy(u => u.Value))
            {
                var ids = group.Select(g => g.Key).ToList();
                await db.Campaigns.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, group.Key));
            }

        // Act
        var queue = Ok(await Dashboards.GetAttentionQueueAsync(Cs));

        // Assert
        Assert.Equal(70, queue.CampaignCount);
        Assert.Equal(used.Count(u => u.Value > 10), queue.OverCapacityCount);
        Assert.Equal(DashboardService.AttentionListSize, queue.Campaigns.Count);
        var expected = used.Where(u => u.Value >= 9).OrderByDescending(u => u.Value).Take(DashboardService.AttentionListSize).Select(u => u.Value).ToList();
        Assert.Equal(expected, queue.Campaigns.Select(c => used[c.Status.CampaignId]).ToList());
    }

    [Fact]
    public async Task Sales_ManyOpenItems_TopTenByLiveUtilization()
    {
        // Arrange: 30 campaigns raise an 80 % upsell alert at 8 of 10; then usage moves on, differently for each.
        var company = await NewCompanyAsync();
        var live = new Dictionary<Guid, int>();
        for (var i = 0; i < 30; i++) live[await SeatsCampaignAsync(company, enrolled: 8)] = 8;
        await Scanner.ScanAsync();
        await using (var db = Database.CreateDbContext())
        {
            var i = 0;
            foreach (var id in live.Keys.ToList())
            {
                live[id] = 5 + i++ % 4; // 5..8 of 10: the ranking follows today's usage, not the 80 % at alert time
                await db.Campaigns.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, live[id]));
            }
        }

        // Act
        var sales = Ok(await Dashboards.GetSalesAsync(Sales));

        // Assert
        Assert.Equal(30, sales.Pipeline[UpsellStatus.New]);
        Assert.Equal(DashboardService.ListSize, sales.TopItems.Count);
        Assert.All(sales.TopItems, t => Assert.Equal(live[t.Item.PoolId] * 10m, t.LiveUtilizationPercent));
        Assert.Equal(live.Values.OrderByDescending(v => v).Take(DashboardService.ListSize).Select(v => v * 10m), sales.TopItems.Select(t => t.LiveUtilizationPercent!.Value));
    }
}
