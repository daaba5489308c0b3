using CapacityAdmin.Bench;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Consumption throughput through the real domain services, racing for a limited campaign, next to a raw-ADO
// transaction of the same shape on the same database in the same run (the ratio is what to compare across runs).
// dotnet run -c Release --project bench/CapacityAdmin.Bench -- [--provider Sqlite|Postgres] [--connection CS]
//     [--requests 4000] [--parallel 16] [--scenario enroll|credits|join|join-cap|all]
var options = BenchOptions.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"capacity-bench-{Guid.NewGuid():N}");
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = options.Provider.ToString(),
    [$"ConnectionStrings:{options.Provider}"] = options.ConnectionString,
}).Build();
var services = new ServiceCollection().AddLogging().AddCapacityDomain(configuration, dataDirectory).BuildServiceProvider();
var connectionString = services.GetRequiredService<DatabaseConnectionInfo>().ConnectionString;

var contexts = services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
await using (var db = await contexts.CreateDbContextAsync())
    await db.Database.MigrateAsync();

var scenarios = new ConsumptionScenarios(services, options, connectionString);
if (args.Contains("--profile"))
{
    if (options.Scenarios.SequenceEqual(["join"])) await new MembershipScenarios(services, options, connectionString).ProfileAsync();
    else await scenarios.ProfileAsync();
    return;
}
foreach (var scenario in options.Scenarios)
{
    var (product, raw) = scenario switch
    {
        "enroll" => await scenarios.EnrollAsync(),
        "credits" => await scenarios.CreditsAsync(),
        "join" => await new MembershipScenarios(services, options, connectionString).JoinAsync(),
        "join-cap" => await new MembershipScenarios(services, options, connectionString).JoinCappedAsync(),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}' (enroll, credits, join, join-cap)."),
    };
    Console.WriteLine($"scenario={scenario} provider={options.Provider} requests={options.Requests} parallel={options.Parallel} limit={product.Limit}");
    Console.WriteLine($"allowed={product.Allowed} refused={product.Refused} stored={product.Stored} oversold={(product.Stored > product.Limit ? "YES" : "no")}");
    Console.WriteLine($"throughput={product.Throughput:F0} req/s  p50={product.P50:F2} ms  p99={product.P99:F2} ms");
    Console.WriteLine($"raw: allowed={raw.Allowed} stored={raw.Stored} oversold={(raw.Stored > raw.Limit ? "YES" : "no")}");
    Console.WriteLine($"raw throughput={raw.Throughput:F0} req/s  p50={raw.P50:F2} ms  p99={raw.P99:F2} ms");
    Console.WriteLine($"ratio={product.Throughput / raw.Throughput:F2}");
    Console.WriteLine(FormattableString.Invariant(
        $"SUMMARY|{scenario}|{options.Provider}|{product.Throughput:F0}|{product.P50:F2}|{product.P99:F2}|{raw.Throughput:F0}|{raw.P50:F2}|{raw.P99:F2}|{product.Throughput / raw.Throughput:F2}|{(product.Stored > product.Limit || raw.Stored > raw.Limit ? "YES" : "no")}"));
}
if (options.Provider == DatabaseProvider.Sqlite)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataDirectory, recursive: true);
}

internal sealed record BenchOptions(DatabaseProvider Provider, string? ConnectionString, int Requests, int Parallel, IReadOnlyList<string> Scenarios, int Limit)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var provider = Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Sqlite", ignoreCase: true);
        var scenario = Value("--scenario") ?? "all";
        var requests = int.Parse(Value("--requests") ?? "4000");
        return new BenchOptions(provider, Value("--connection"), requests, int.Parse(Value("--parallel") ?? "16"),
            scenario == "all" ? ["enroll", "credits", "join", "join-cap"] : scenario.Split(','), int.Parse(Value("--limit") ?? (requests / 2).ToString()));
    }
}
