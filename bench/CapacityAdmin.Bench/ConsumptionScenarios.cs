using System.Collections.Concurrent;
using System.Data.Common;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CapacityAdmin.Bench;

/// <summary>
/// Each scenario races N requests for a limit of N/2 twice, on two fresh campaigns: once through the
/// domain service (the product path: atomic limit, idempotent replay, alert outbox on a band crossing,
/// alert evaluation) and once as hand-written ADO.NET of the same transaction shape (duplicate check,
/// conditional UPDATE, row INSERT, outbox INSERT, COMMIT, outbox DELETE) on connections held open, with
/// the same in-process writer gate on SQLite. Both run after a warm-up, in the same process, so the
/// ratio holds even on a machine shared with other work.
/// </summary>
internal sealed class ConsumptionScenarios(IServiceProvider services, BenchOptions options, string connectionString)
{
    private static readonly Actor Actor = new("bench", Roles.CustomerSuccess, null);
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();
    private readonly SemaphoreSlim _rawGate = new(1, 1);
    private bool Sqlite => options.Provider == DatabaseProvider.Sqlite;

    public async Task<(RaceResult Product, RaceResult Raw)> EnrollAsync()
    {
        var enrollments = services.GetRequiredService<EnrollmentService>();
        var limit = options.Limit;
        // Warm-up of both paths (JIT, pools, plans) on their own campaigns.
        var warm = await NewCampaignAsync(PricingModel.Seats, 100);
        await Race.RunAsync(200, options.Parallel, async i => (await enrollments.EnrollVolunteerAsync(Actor, warm, $"w-{i}")).Value?.Allowed == true);
        var warmRaw = await NewCampaignAsync(PricingModel.Seats, 100);
        await using (var pool = await RawPoolAsync())
            await Race.RunAsync(200, options.Parallel, i => pool.RunAsync(c => RawEnrollAsync(c, warmRaw, $"w-{i}")));

        var product = await NewCampaignAsync(PricingModel.Seats, limit);
        var p = await Race.RunAsync(options.Requests, options.Parallel,
            async i => (await enrollments.EnrollVolunteerAsync(Actor, product, $"v-{i}")).Value?.Allowed == true);
        var raw = await NewCampaignAsync(PricingModel.Seats, limit);
        (int Allowed, int Refused, double Throughput, double P50, double P99) r;
        await using (var pool = await RawPoolAsync())
            r = await Race.RunAsync(options.Requests, options.Parallel, i => pool.RunAsync(c => RawEnrollAsync(c, raw, $"v-{i}")));

        Console.WriteLine($"refusals counted={await RefusalsCountedAsync(product)} of {p.Refused}");
        return (new RaceResult(p.Allowed, p.Refused, limit, await EnrolledAsync(product), p.Throughput, p.P50, p.P99),
            new RaceResult(r.Allowed, r.Refused, limit, await EnrolledAsync(raw), r.Throughput, r.P50, r.P99));
    }

    public async Task<(RaceResult Product, RaceResult Raw)> CreditsAsync()
    {
        var credits = services.GetRequiredService<CreditService>();
        var limit = options.Limit;
        var warm = await NewCampaignAsync(PricingModel.Credits, 100);
        await Race.RunAsync(200, options.Parallel,
            async i => (await credits.ConsumeAsync(Actor, warm, new CreditConsumption(1m, "bench", $"w-{i}"))).Value?.Allowed == true);
        var warmRaw = await NewCampaignAsync(PricingModel.Credits, 100);
        await using (var pool = await RawPoolAsync())
            await Race.RunAsync(200, options.Parallel, i => pool.RunAsync(c => RawConsumeAsync(c, warmRaw, $"w-{i}", 100)));

        var product = await NewCampaignAsync(PricingModel.Credits, limit);
        var p = await Race.RunAsync(options.Requests, options.Parallel,
            async i => (await credits.ConsumeAsync(Actor, product, new CreditConsumption(1m, "bench", $"k-{i}"))).Value?.Allowed == true);
        var raw = await NewCampaignAsync(PricingModel.Credits, limit);
        (int Allowed, int Refused, double Throughput, double P50, double P99) r;
        await using (var pool = await RawPoolAsync())
            r = await Race.RunAsync(options.Requests, options.Parallel, i => pool.RunAsync(c => RawConsumeAsync(c, raw, $"k-{i}", 100)));

        Console.WriteLine($"refusals counted={await RefusalsCountedAsync(product)} of {p.Refused}");
        return (new RaceResult(p.Allowed, p.Refused, limit, await LedgerRowsAsync(product), p.Throughput, p.P50, p.P99),
            new RaceResult(r.Allowed, r.Refused, limit, await LedgerRowsAsync(raw), r.Throughput, r.P50, r.P99));
    }

    /// <summary>Statements, opens and transactions per call, and single-caller latency, of each kind of call (--profile).</summary>
    public async Task ProfileAsync()
    {
        var enrollments = services.GetRequiredService<EnrollmentService>();
        var credits = services.GetRequiredService<CreditService>();
        var counter = StatementCounter.Start();
        const int n = 500;
        var campaign = await NewCampaignAsync(PricingModel.Seats, 100_000);
        var full = await NewCampaignAsync(PricingModel.Seats, 1);
        var creditCampaign = await NewCampaignAsync(PricingModel.Credits, 100_000);
        var fullCredits = await NewCampaignAsync(PricingModel.Credits, 1);
        await credits.ConsumeAsync(Actor, fullCredits, new CreditConsumption(1m, "bench", "first"));
        var rawCampaign = await NewCampaignAsync(PricingModel.Seats, 100_000);
        await enrollments.EnrollVolunteerAsync(Actor, full, "first");
        foreach (var (name, call) in new (string, Func<int, Task>)[]
        {
            ("enroll accepted", i => enrollments.EnrollVolunteerAsync(Actor, campaign, $"p-{i}")),
            ("enroll existing", i => enrollments.EnrollVolunteerAsync(Actor, campaign, $"p-{i}")),
            ("enroll refused", i => enrollments.EnrollVolunteerAsync(Actor, full, $"r-{i}")),
            ("credits accepted", i => credits.ConsumeAsync(Actor, creditCampaign, new CreditConsumption(1m, "bench", $"k-{i}"))),
            ("credits refused", i => credits.ConsumeAsync(Actor, fullCredits, new CreditConsumption(1m, "bench", $"r-{i}"))),
            ("raw enroll accepted", i => RawOnceAsync(c => RawEnrollAsync(c, rawCampaign, $"p-{i}"))),
        })
        {
            await call(-1); // warm
            counter.TakeCounts();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++) await call(i);
            var perCall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds / n;
            var counts = string.Join(", ", counter.TakeCounts().OrderBy(kv => kv.Key).Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value / (double)n:0.##}")));
            Console.WriteLine(FormattableString.Invariant($"PROFILE|{name}|{perCall:F3} ms/call|{counts}"));
        }
        await ProfilePartsAsync(campaign);
    }

    /// <summary>
    /// Where one call's time goes (--profile): the fixed parts every consumption pays, timed alone on one
    /// caller, next to the whole calls above. Each part runs <c>n</c> times after a warm-up.
    /// </summary>
    private async Task ProfilePartsAsync(Guid campaign)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
        const int n = 2000;
        async Task Part(string name, Func<Task> part)
        {
            for (var i = 0; i < 50; i++) await part();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++) await part();
            Console.WriteLine(FormattableString.Invariant(
                $"PART|{name}|{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000 / n:F1} us/call"));
        }
        await Part("context rent + open + dispose", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
        });
        await Part("gated BEGIN + COMMIT (empty)", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginWriteTransactionAsync(default);
            await tx.CommitAsync();
        });
        await Part("ADO BEGIN + COMMIT (empty) on the context's connection", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync();
            await tx.CommitAsync();
        });
        await Part("ADO campaign read on the context's connection", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await ScalarAsync(db.Database.GetDbConnection(), null, "SELECT \"VolunteersEnrolled\" FROM \"Campaigns\" WHERE \"Id\" = @c", ("c", Id(campaign)));
        });
        await Part("EF FromSql entity read (as before)", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await db.Campaigns.FromSqlRaw("SELECT * FROM \"Campaigns\" WHERE \"Id\" = {0}", campaign).AsNoTracking().AsAsyncEnumerable().FirstAsync();
        });
        await Part("EF LINQ entity read", async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaign);
        });
    }

    private async Task<Guid> NewCampaignAsync(PricingModel model, int limit)
    {
        var company = await services.GetRequiredService<CompanyService>().CreateAsync(Actor, $"Bench {Guid.NewGuid():N}");
        var request = model == PricingModel.Credits
            ? new CreateCampaignRequest(company.Value!.Id, "Bench credits", model, 10, 0, CreditAllocation: limit, OveragePercent: 0m)
            : new CreateCampaignRequest(company.Value!.Id, "Bench campaign", model, limit, 0, CommittedSeats: limit, OveragePercent: 0m);
        return (await services.GetRequiredService<CampaignService>().CreateAsync(Actor, request)).Value!.CampaignId;
    }

    private async Task<long> EnrolledAsync(Guid campaignId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.VolunteerEnrollments.CountAsync(e => e.CampaignId == campaignId && e.Status == EnrollmentStatus.Enrolled);
    }

    /// <summary>The refused-demand count the product path kept for the campaign (one per refused call).</summary>
    private async Task<long> RefusalsCountedAsync(Guid campaignId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.PoolRefusalDays.Where(r => r.PoolId == campaignId).SumAsync(r => (long)r.Refused);
    }

    private async Task<long> LedgerRowsAsync(Guid campaignId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.CreditLedgerEntries.CountAsync(e => e.CampaignId == campaignId);
    }

    // ---- the raw-ADO baseline ----

    private DbConnection? _profileConnection;

    private async Task RawOnceAsync(Func<DbConnection, Task<bool>> call)
    {
        if (_profileConnection is null)
        {
            _profileConnection = Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
            await _profileConnection.OpenAsync();
            if (Sqlite) await ExecuteAsync(_profileConnection, null, "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        }
        await call(_profileConnection);
    }

    private async Task<bool> RawEnrollAsync(DbConnection connection, Guid campaignId, string externalId)
    {
        var outboxId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        if (Sqlite) await _rawGate.WaitAsync();
        try
        {
            await using var tx = await connection.BeginTransactionAsync();
            var duplicate = await ScalarAsync(connection, tx,
                "SELECT 1 FROM \"VolunteerEnrollments\" WHERE \"CampaignId\" = @c AND \"ExternalId\" = @e AND \"Status\" = 'Enrolled'",
                ("c", Id(campaignId)), ("e", externalId));
            if (duplicate is not null)
            {
                await tx.CommitAsync();
                return true;
            }
            var updated = await ExecuteAsync(connection, tx,
                "UPDATE \"Campaigns\" SET \"VolunteersEnrolled\" = \"VolunteersEnrolled\" + 1 WHERE \"Id\" = @c AND \"BundleId\" IS NULL " +
                "AND \"Status\" IN ('Recruiting', 'Active') AND \"VolunteersEnrolled\" + 1 <= \"VolunteerHardLimit\"", ("c", Id(campaignId)));
            if (updated == 0)
            {
                await tx.RollbackAsync();
                return false;
            }
            await ExecuteAsync(connection, tx,
                "INSERT INTO \"VolunteerEnrollments\" (\"Id\", \"CampaignId\", \"ExternalId\", \"Status\", \"EnrolledAt\") VALUES (@id, @c, @e, 'Enrolled', @at)",
                ("id", Id(Guid.NewGuid())), ("c", Id(campaignId)), ("e", externalId), ("at", Time(now)));
            await InsertOutboxAsync(connection, tx, outboxId, campaignId, now);
            await tx.CommitAsync();
        }
        finally
        {
            if (Sqlite) _rawGate.Release();
        }
        await ExecuteAsync(connection, null, "DELETE FROM \"AlertEvaluationRequests\" WHERE \"Id\" = @id", ("id", Id(outboxId)));
        return true;
    }

    private async Task<bool> RawConsumeAsync(DbConnection connection, Guid campaignId, string key, long cents)
    {
        var outboxId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        if (Sqlite) await _rawGate.WaitAsync();
        try
        {
            await using var tx = await connection.BeginTransactionAsync();
            var first = await ScalarAsync(connection, tx,
                "SELECT \"ConsumedAfterCents\" FROM \"CreditLedgerEntries\" WHERE \"CampaignId\" = @c AND \"IdempotencyKey\" = @k",
                ("c", Id(campaignId)), ("k", key));
            if (first is not null)
            {
                await tx.CommitAsync();
                return true;
            }
            var after = await ScalarAsync(connection, tx,
                "UPDATE \"Campaigns\" SET \"CreditsConsumedCents\" = \"CreditsConsumedCents\" + @n WHERE \"Id\" = @c " +
                "AND \"Status\" IN ('Recruiting', 'Active') AND \"CreditsConsumedCents\" + @n <= \"CreditHardLimitCents\" RETURNING \"CreditsConsumedCents\"",
                ("c", Id(campaignId)), ("n", cents));
            if (after is null)
            {
                await tx.RollbackAsync();
                return false;
            }
            await ExecuteAsync(connection, tx,
                "INSERT INTO \"CreditLedgerEntries\" (\"Id\", \"CampaignId\", \"AmountCents\", \"Activity\", \"IdempotencyKey\", \"Reason\", " +
                "\"ConsumedAfterCents\", \"CreatedBy\", \"CreatedAt\") VALUES (@id, @c, @n, 'bench', @k, NULL, @after, 'bench', @at)",
                ("id", Id(Guid.NewGuid())), ("c", Id(campaignId)), ("n", cents), ("k", key), ("after", Convert.ToInt64(after)), ("at", Time(now)));
            await InsertOutboxAsync(connection, tx, outboxId, campaignId, now);
            await tx.CommitAsync();
        }
        finally
        {
            if (Sqlite) _rawGate.Release();
        }
        await ExecuteAsync(connection, null, "DELETE FROM \"AlertEvaluationRequests\" WHERE \"Id\" = @id", ("id", Id(outboxId)));
        return true;
    }

    private Task<int> InsertOutboxAsync(DbConnection connection, DbTransaction tx, Guid id, Guid campaignId, DateTimeOffset now) =>
        ExecuteAsync(connection, tx,
            "INSERT INTO \"AlertEvaluationRequests\" (\"Id\", \"PoolType\", \"PoolId\", \"CreatedAt\") VALUES (@id, 'Campaign', @p, @at)",
            ("id", Id(id)), ("p", Id(campaignId)), ("at", Time(now)));

    /// <summary>EF stores a Guid as upper-case text on SQLite.</summary>
    private object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

    private object Time(DateTimeOffset at) => Sqlite ? SqliteTime.ConvertToProvider(at)! : at;

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private Task<RawConnectionPool> RawPoolAsync() => RawConnectionPool.OpenAsync(Sqlite, connectionString, options.Parallel);
}
