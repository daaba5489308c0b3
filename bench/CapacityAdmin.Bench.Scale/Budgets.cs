using System.Diagnostics;
using System.Text;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Dashboards;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Bench.Scale;

internal sealed record BudgetReport(IReadOnlyList<Timing> Timings, IReadOnlyList<MemoryUse> Memory);

/// <summary>
/// The budgets, each through the service method the page, the API or the job calls (one scope per operation,
/// a context per call from the pooled factory, as in the app).
/// </summary>
internal sealed class Budgets(IServiceProvider services, int iterations, string? only = null)
{
    /// <summary>Whether an operation is measured in this run (<c>--only TEXT</c>: those whose name contains TEXT).</summary>
    private bool Runs(string operation) => only is null || operation.Contains(only, StringComparison.OrdinalIgnoreCase);

    private static readonly Actor Cs = new("bench-cs", Roles.CustomerSuccess, null);
    private static readonly Actor Sales = new("bench-sales", Roles.Sales, null);
    private static readonly Actor Admin = new("bench-admin", Roles.Administrator, null);

    public async Task<BudgetReport> RunAsync(bool firstScan)
    {
        var timings = new List<Timing>();
        List<Guid> campaignIds;
        Guid busiestCompany;
        await using (var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync())
        {
            campaignIds = await db.Campaigns.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Take(1000).ToListAsync();
            busiestCompany = await db.Campaigns.AsNoTracking().GroupBy(c => c.CompanyId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => g.Key).FirstAsync();
        }
        var companyAdmin = new Actor("bench-company", Roles.CompanyAdmin, busiestCompany);

        // The threshold scan first: on a fresh data set it raises the alerts the dashboards and the upsell list show.
        if (firstScan)
        {
            var started = Stopwatch.GetTimestamp();
            var first = await Scope((AlertScanService s) => s.ScanAsync());
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            timings.Add(new Timing("threshold scan, first (raises the alerts)", "< 5 s", 1, ms, ms, first.ToString()));
            Console.WriteLine(timings[^1]);
        }
        async Task Measure(string operation, string budget, int n, Func<int, Task> call, int warmups = 3)
        {
            if (!Runs(operation)) return;
            timings.Add(await Timing.MeasureAsync(operation, budget, n, call, warmups));
            Console.WriteLine(timings[^1]);
        }

        AlertScanResult? last = null;
        await Measure("threshold scan, every pool (repeat)", "< 5 s", 3, async _ => last = await Scope((AlertScanService s) => s.ScanAsync()), warmups: 0);
        if (last is not null) timings[^1] = timings[^1] with { Note = last.ToString() };
        if (last is not null) Console.WriteLine(last);

        (string Name, Actor Actor, CampaignStatusQuery Query)[] lists =
        [
            ("name, page 1", Cs, new CampaignStatusQuery()),
            ("name desc, page 200", Cs, new CampaignStatusQuery(Descending: true, Page: 200)),
            ("utilization desc", Cs, new CampaignStatusQuery(Sort: CampaignSort.Utilization, Descending: true)),
            ("company", Cs, new CampaignStatusQuery(Sort: CampaignSort.Company)),
            ("status", Cs, new CampaignStatusQuery(Sort: CampaignSort.Status)),
            ("pricing model", Cs, new CampaignStatusQuery(Sort: CampaignSort.PricingModel)),
            ("created desc", Cs, new CampaignStatusQuery(Sort: CampaignSort.CreatedAt, Descending: true)),
            ("band near", Cs, new CampaignStatusQuery(Band: CapacityBand.Near)),
            ("band overage, utilization desc", Cs, new CampaignStatusQuery(Band: CapacityBand.Overage, Sort: CampaignSort.Utilization, Descending: true)),
            ("status paused", Cs, new CampaignStatusQuery(Status: CampaignStatus.Paused)),
            ("model credits", Cs, new CampaignStatusQuery(Model: PricingModel.Credits)),
            ("search 'river'", Cs, new CampaignStatusQuery(Search: "river")),
            ("search a company 'globex'", Cs, new CampaignStatusQuery(Search: "globex")),
            ("company admin, utilization desc", companyAdmin, new CampaignStatusQuery(Sort: CampaignSort.Utilization, Descending: true)),
        ];
        foreach (var (name, actor, query) in lists)
            await Measure($"campaign list: {name}", "< 100 ms", iterations,
                async _ => Check(await Scope((CapacityQueryService s) => s.ListCampaignStatusesAsync(actor, query))));

        await Measure("dashboard: company admin", "< 200 ms", iterations,
            async _ => Check(await Scope((DashboardService s) => s.GetCompanyAdminAsync(companyAdmin))));
        await Measure("dashboard: customer success (attention queue)", "< 200 ms", iterations,
            async _ => Check(await Scope((DashboardService s) => s.GetAttentionQueueAsync(Cs))));
        await Measure("dashboard: sales", "< 200 ms", iterations,
            async _ => Check(await Scope((DashboardService s) => s.GetSalesAsync(Sales))));
        await Measure("dashboard: administrator", "< 200 ms", iterations,
            async _ => Check(await Scope((DashboardService s) => s.GetAdministratorAsync(Admin))));

        await Measure("one capacity read (campaign status)", "< 2 ms", 1000,
            async i => Check(await Scope((CapacityQueryService s) => s.GetCampaignStatusAsync(Cs, campaignIds[i % campaignIds.Count]))), warmups: 50);

        // The endpoints' streamed writers, then (for comparison) the in-memory writer the report replaced, into a counting null stream.
        var memory = new List<MemoryUse>();
        (string Name, Func<Stream, Task<long>> Write)[] exports =
        [
            ("utilization report CSV, streamed", WriteUtilizationCsvAsync),
            ("upsell CSV, streamed", WriteUpsellCsvAsync),
            ("utilization report CSV, whole string (before)", WriteUtilizationCsvInMemoryAsync),
        ];
        foreach (var (name, write) in exports.Where(e => Runs(e.Name)))
        {
            var m = await MemoryUse.MeasureAsync(name, write);
            memory.Add(m);
            Console.WriteLine(m);
            timings.Add(new Timing(m.Operation, "streamed, memory flat", 1, m.Milliseconds, m.Milliseconds,
                $"{m.Rows:N0} rows, {m.Bytes / 1048576.0:0.0} MB; peak heap +{m.PeakHeapGrowthBytes / 1048576.0:0.0} MB (live +{m.PeakRetainedGrowthBytes / 1048576.0:0.0} MB), allocated {m.AllocatedBytes / 1048576.0:0} MB"));
        }
        return new BudgetReport(timings, memory);
    }

    private async Task<long> WriteUtilizationCsvAsync(Stream output)
    {
        await using var scope = services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<UtilizationReportService>();
        return await CsvTable.WriteAsync(output, UtilizationReportService.CsvHeader, reports.CsvRowsAsync(Admin));
    }

    private async Task<long> WriteUpsellCsvAsync(Stream output)
    {
        await using var scope = services.CreateAsyncScope();
        var rows = Check(scope.ServiceProvider.GetRequiredService<AlertService>().StreamUpsellExport(Sales, new UpsellQuery()));
        return await UpsellCsv.WriteAsync(output, rows);
    }

    private async Task<long> WriteUtilizationCsvInMemoryAsync(Stream output)
    {
        var report = Check(await Scope((UtilizationReportService s) => s.BuildAsync(Admin)));
        await output.WriteAsync(Encoding.UTF8.GetBytes(UtilizationReportService.ToCsv(report)));
        return report.Campaigns.Count + report.Bundles.Count + report.DesignationScopes.Count + report.LevelCaps.Count;
    }

    private async Task<T> Scope<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException($"{result.Error.Code}: {result.Error.Detail}");
}
