using System.Diagnostics;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Enrollment throughput through the real domain service, racing for a limited campaign.
// dotnet run -c Release --project bench/CapacityAdmin.Bench -- [--provider Sqlite|Postgres] [--connection CS]
//     [--requests 4000] [--parallel 16]
var options = Options.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"capacity-bench-{Guid.NewGuid():N}");
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = options.Provider.ToString(),
    [$"ConnectionStrings:{options.Provider}"] = options.ConnectionString,
}).Build();
var services = new ServiceCollection().AddLogging().AddCapacityDomain(configuration, dataDirectory).BuildServiceProvider();

var contexts = services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
await using (var db = await contexts.CreateDbContextAsync())
    await db.Database.MigrateAsync();

var actor = new Actor("bench", Roles.CustomerSuccess, null);
var company = await services.GetRequiredService<CompanyService>().CreateAsync(actor, $"Bench {Guid.NewGuid():N}");
var limit = options.Requests / 2;
var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(actor,
    new CreateCampaignRequest(company.Value!.Id, "Bench campaign", PricingModel.Seats, limit, 0, CommittedSeats: limit, OveragePercent: 0m));
var campaignId = campaign.Value!.CampaignId;
var enrollments = services.GetRequiredService<EnrollmentService>();

var next = -1;
var allowed = 0;
var refused = 0;
var latencies = new double[options.Requests];
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Parallel).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < options.Requests)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await enrollments.EnrollVolunteerAsync(actor, campaignId, $"v-{i}");
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Value?.Allowed == true) Interlocked.Increment(ref allowed); else Interlocked.Increment(ref refused);
    }
})));
clock.Stop();

await using (var db = await contexts.CreateDbContextAsync())
{
    var stored = await db.Set<VolunteerEnrollment>().CountAsync(e => e.CampaignId == campaignId && e.Status == EnrollmentStatus.Enrolled);
    Array.Sort(latencies);
    Console.WriteLine($"provider={options.Provider} requests={options.Requests} parallel={options.Parallel} limit={limit}");
    Console.WriteLine($"allowed={allowed} refused={refused} stored={stored} oversold={(stored > limit ? "YES" : "no")}");
    Console.WriteLine($"throughput={options.Requests / clock.Elapsed.TotalSeconds:F0} req/s  p50={latencies[latencies.Length / 2]:F2} ms  p99={latencies[(int)(latencies.Length * 0.99)]:F2} ms");
}
if (options.Provider == DatabaseProvider.Sqlite) Directory.Delete(dataDirectory, recursive: true);

internal sealed record Options(DatabaseProvider Provider, string? ConnectionString, int Requests, int Parallel)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var provider = Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Sqlite", ignoreCase: true);
        return new Options(provider, Value("--connection"), int.Parse(Value("--requests") ?? "4000"), int.Parse(Value("--parallel") ?? "16"));
    }
}
