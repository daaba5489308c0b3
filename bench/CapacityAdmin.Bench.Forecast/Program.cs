// The forecast read of one pool at 100k campaigns (issue 10: under 5 ms in process). A focused bench: it builds a SQLite
// database with N campaigns (default 100,000) spread over 1,000 companies, gives the measured campaign 14 days of
// enrollments and releases, then times ForecastService.GetCampaignForecastAsync (and the 90-day history) M times.
using System.Diagnostics;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

var campaigns = Arg("--campaigns", 100_000);
var iterations = Arg("--iterations", 2_000);
var path = Path.Combine(Path.GetTempPath(), $"forecast-bench-{Guid.NewGuid():N}.db");
var factory = new Factory($"Data Source={path}");
var clock = TimeProvider.System;
var now = clock.GetUtcNow();

await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
var sw = Stopwatch.StartNew();
Guid target;
await using (var db = factory.CreateDbContext())
{
    var companies = Enumerable.Range(0, 1_000).Select(i => new Company($"Company {i}", now.AddDays(-400))).ToList();
    db.Companies.AddRange(companies);
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var rows = new List<Campaign>(campaigns);
    for (var i = 0; i < campaigns; i++)
    {
        var c = new Campaign(companies[i % companies.Count].Id, $"Campaign {i}", PricingModel.Seats, CampaignStatus.Active, 100, 100, now.AddDays(-60 - i % 300));
        c.SetModelLimits(100 + i % 900, null, null);
        c.SetDates(DateOnly.FromDateTime(now.AddDays(-60).UtcDateTime), DateOnly.FromDateTime(now.AddDays(30 + i % 200).UtcDateTime));
        rows.Add(c);
    }
    foreach (var chunk in rows.Chunk(10_000))
    {
        db.Campaigns.AddRange(chunk);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
    target = rows[campaigns / 2].Id;
}
Console.WriteLine($"Seeded {campaigns:N0} campaigns in {sw.Elapsed.TotalSeconds:0.0} s");
// 400 enrollments over the last 28 days on the measured campaign (rows and counter in step).
await using (var db = factory.CreateDbContext())
{
    for (var i = 0; i < 400; i++)
        db.VolunteerEnrollments.Add(new VolunteerEnrollment(target, $"v-{i}", now.AddDays(-30).AddMinutes(i * 100)));
    await db.SaveChangesAsync();
    await db.Campaigns.Where(c => c.Id == target).ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, 400));
}

var forecasts = new ForecastService(factory, clock);
var actor = Actor.System;
var first = await forecasts.GetCampaignForecastAsync(actor, target);
Console.WriteLine($"Forecast: used {first.Value!.Used} of {first.Value.Limit}, burn {first.Value.BurnRatePerDay}/day, hard limit {first.Value.ProjectedHardLimitAt}");
Report("forecast (one campaign)", await TimeAsync(() => forecasts.GetCampaignForecastAsync(actor, target)));
Report("history (90 days)", await TimeAsync(() => forecasts.GetCampaignHistoryAsync(actor, target)));
File.Delete(path);
return;

async Task<List<double>> TimeAsync<T>(Func<Task<T>> call)
{
    for (var i = 0; i < 50; i++) await call(); // warm-up: JIT, connection pool, query cache
    var times = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var t = Stopwatch.GetTimestamp();
        await call();
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
    times.Sort();
    return times;
}

void Report(string what, List<double> t) =>
    Console.WriteLine($"{what}: n={t.Count} p50={t[t.Count / 2]:0.000} ms p95={t[(int)(t.Count * 0.95)]:0.000} ms p99={t[(int)(t.Count * 0.99)]:0.000} ms");

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

sealed class Factory(string connection) : IDbContextFactory<CapacityDbContext>
{
    public CapacityDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, DatabaseProvider.Sqlite, connection);
        return new CapacityDbContext(builder.Options);
    }
}
