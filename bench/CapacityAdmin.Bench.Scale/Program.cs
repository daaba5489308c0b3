using System.Diagnostics;
using CapacityAdmin.Bench.Scale;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The at-scale budgets of issue #11 on a generated data set (see Generator), measured through the domain services the
// pages and the API call.
// dotnet run -c Release --project bench/CapacityAdmin.Bench.Scale -- --scale 10000|100000 [--provider Sqlite|Postgres]
//     [--connection CS] [--database FILE (SQLite; reused when it already holds data)] [--iterations 30] [--keep]
//     [--only TEXT (only the operations whose name contains TEXT)]
var options = ScaleOptions.Parse(args);
var dataDirectory = Path.Combine(Path.GetTempPath(), $"capacity-scale-{Guid.NewGuid():N}");
var connection = options.Provider == DatabaseProvider.Sqlite
    ? $"Data Source={options.Database ?? Path.Combine(dataDirectory, "scale.db")}"
    : options.ConnectionString ?? throw new ArgumentException("--connection is required for PostgreSQL.");
if (options.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(Path.GetDirectoryName(connection["Data Source=".Length..])!);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = options.Provider.ToString(),
    [$"ConnectionStrings:{options.Provider}"] = connection,
}).Build();
var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddCapacityDomain(configuration, dataDirectory)
    .BuildServiceProvider();
var contexts = services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
await using (var db = await contexts.CreateDbContextAsync())
    await db.Database.MigrateAsync();

var now = TimeProvider.System.GetUtcNow();
var seedDirectory = FindSeedDirectory();
bool empty;
await using (var db = await contexts.CreateDbContextAsync()) empty = !await db.Campaigns.AnyAsync();
var clock = Stopwatch.StartNew();
if (empty)
{
    Console.WriteLine($"Generating scale {options.Scale:N0} on {options.Provider} ...");
    var data = await new Generator(services, options.Provider, connection, options.Scale, now).RunAsync(seedDirectory);
    Console.WriteLine($"Generated in {data.Took.TotalSeconds:0.0} s: {data.Companies:N0} companies, {data.Campaigns:N0} campaigns, {data.Bundles:N0} bundles, " +
        $"{data.Enrollments:N0} enrollments ({data.VolunteerEnrollments:N0} volunteers, {data.LearnerEnrollments:N0} learners), {data.LedgerEntries:N0} ledger entries, " +
        $"{data.Memberships:N0} memberships ({data.SeatHolders:N0} seat holders)");
}
else Console.WriteLine("Reusing the data already in the database.");

var budgets = new Budgets(services, options.Iterations, options.Only);
var report = await budgets.RunAsync(firstScan: empty);
Console.WriteLine();
Console.WriteLine($"| Operation ({options.Provider}, scale {options.Scale:N0}) | Budget | n | p50 ms | p95 ms | Note |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var t in report.Timings) Console.WriteLine(FormattableString.Invariant($"| {t.Operation} | {t.Budget} | {t.N} | {t.P50:0.00} | {t.P95:0.00} | {t.Note} |"));
Console.WriteLine();
foreach (var m in report.Memory) Console.WriteLine(m);
foreach (var t in report.Timings)
    Console.WriteLine(FormattableString.Invariant($"SCALE|{options.Provider}|{options.Scale}|{t.Operation}|{t.Budget}|{t.P50:0.00}|{t.P95:0.00}|{t.Note}"));
foreach (var m in report.Memory)
    Console.WriteLine(FormattableString.Invariant($"MEMORY|{options.Provider}|{options.Scale}|{m.Operation}|{m.Rows}|{m.Bytes}|{m.Milliseconds:0}|{m.AllocatedBytes}|{m.PeakHeapGrowthBytes}|{m.PeakWorkingSetBytes}|{m.PeakRetainedGrowthBytes}"));

if (options.Provider == DatabaseProvider.Sqlite && !options.Keep && options.Database is null)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataDirectory, recursive: true);
}
return;

static string FindSeedDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (Directory.Exists(Path.Combine(dir.FullName, "seed-data"))) return Path.Combine(dir.FullName, "seed-data");
    throw new DirectoryNotFoundException("seed-data/ not found above the bench's output folder.");
}

internal sealed record ScaleOptions(DatabaseProvider Provider, string? ConnectionString, string? Database, int Scale, int Iterations, bool Keep,
    string? Only)
{
    public static ScaleOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new ScaleOptions(Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Sqlite", ignoreCase: true), Value("--connection"), Value("--database"),
            int.Parse(Value("--scale") ?? "10000"), int.Parse(Value("--iterations") ?? "30"), args.Contains("--keep"), Value("--only"));
    }
}
