using System.Collections.Concurrent;
using System.Data.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CapacityAdmin.Bench;

/// <summary>
/// Membership joins (issue #11): N joins on P workers racing for the K = limit seats of one designation at one mandal, once
/// through <see cref="MembershipService.JoinAsync"/> (the locked seat transaction: scope lock, lapsed-lock release, existing
/// check, seat count and lowest free number, insert) and once as hand-written ADO.NET of the same transaction shape on
/// connections held open (SQLite: BEGIN IMMEDIATE behind an in-process writer gate, as the product's write gate does;
/// PostgreSQL: the scope's lock row inserted if missing and locked FOR UPDATE). Each path gets its own designation, so
/// both race for K fresh seats; the oversold check counts the seat holders each scope ends with.
/// The mandal has no level-cap row in the seeded (simple) catalog, so no aggregate cap is counted by either path.
/// </summary>
internal sealed class MembershipScenarios(IServiceProvider services, BenchOptions options, string connectionString)
{
    private const string Cell = "GENERAL_BODY";
    private static readonly Actor Actor = new("bench", Roles.CustomerSuccess, null);
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();
    private readonly SemaphoreSlim _rawGate = new(1, 1);
    private bool Sqlite => options.Provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// The race of <see cref="JoinAsync"/> where the limit is an aggregate cap instead: each path joins at its own mandal,
    /// capped at K by a unit level-cap row, with a designation capacity of 2K; so every join also locks (PostgreSQL) and
    /// counts the cap, the K+1st is refused by the cap, and the seats that take the cap to 80, 90 and 100 % write the
    /// level-cap alert outbox row (the product also evaluates it after the commit; the raw path deletes it, as the
    /// consumption baselines do). Oversold: seat holders of the mandal above K.
    /// </summary>
    public async Task<(RaceResult Product, RaceResult Raw)> JoinCappedAsync()
    {
        await SeedAsync();
        var limit = options.Limit;
        var (productMandal, rawMandal) = (await MandalPathAsync(1), await MandalPathAsync(2));
        await CapAsync(productMandal, limit);
        await CapAsync(rawMandal, limit);
        var memberships = services.GetRequiredService<MembershipService>();
        Task<bool> ProductJoin(string designation, string member) =>
            memberships.JoinAsync(Actor, new JoinMembershipRequest(member, new MembershipScope(Cell, designation, Level.MANDAL, Mandal: productMandal.MandalCode), Activate: true))
                .ContinueWith(t => t.Result.IsSuccess && !t.Result.Value!.Existing, TaskScheduler.Default);
        await DesignationAsync("CAP_WARM", 400);
        await Race.RunAsync(200, options.Parallel, i => ProductJoin("CAP_WARM", $"w-{i}"));
        await using (var pool = await RawPoolAsync())
            await Race.RunAsync(200, options.Parallel, i => pool.RunAsync(c => RawJoinAsync(c, "CAP_WARM", rawMandal, $"w-{i}", capped: true)));
        await ClearMandalAsync(productMandal);
        await ClearMandalAsync(rawMandal);

        await DesignationAsync("CAP_PRODUCT", 2 * limit);
        var p = await Race.RunAsync(options.Requests, options.Parallel, i => ProductJoin("CAP_PRODUCT", $"m-{i}"));
        await DesignationAsync("CAP_RAW", 2 * limit);
        (int Allowed, int Refused, double Throughput, double P50, double P99) r;
        await using (var pool = await RawPoolAsync())
            r = await Race.RunAsync(options.Requests, options.Parallel, i => pool.RunAsync(c => RawJoinAsync(c, "CAP_RAW", rawMandal, $"m-{i}", capped: true)));

        return (new RaceResult(p.Allowed, p.Refused, limit, await MandalHoldersAsync(productMandal), p.Throughput, p.P50, p.P99),
            new RaceResult(r.Allowed, r.Refused, limit, await MandalHoldersAsync(rawMandal), r.Throughput, r.P50, r.P99));
    }

    public async Task<(RaceResult Product, RaceResult Raw)> JoinAsync()
    {
        var path = await SeedAsync();
        var memberships = services.GetRequiredService<MembershipService>();
        var limit = options.Limit;
        Task<bool> ProductJoin(string designation, string member) =>
            memberships.JoinAsync(Actor, new JoinMembershipRequest(member, new MembershipScope(Cell, designation, Level.MANDAL, Mandal: path.MandalCode), Activate: true))
                .ContinueWith(t => t.Result.IsSuccess && !t.Result.Value!.Existing, TaskScheduler.Default);

        await DesignationAsync("BENCH_WARM", 100);
        await Race.RunAsync(200, options.Parallel, i => ProductJoin("BENCH_WARM", $"w-{i}"));
        await DesignationAsync("BENCH_WARM_RAW", 100);
        await using (var pool = await RawPoolAsync())
            await Race.RunAsync(200, options.Parallel, i => pool.RunAsync(c => RawJoinAsync(c, "BENCH_WARM_RAW", path, $"w-{i}")));

        await DesignationAsync("BENCH_PRODUCT", limit);
        var p = await Race.RunAsync(options.Requests, options.Parallel, i => ProductJoin("BENCH_PRODUCT", $"m-{i}"));
        await DesignationAsync("BENCH_RAW", limit);
        (int Allowed, int Refused, double Throughput, double P50, double P99) r;
        await using (var pool = await RawPoolAsync())
            r = await Race.RunAsync(options.Requests, options.Parallel, i => pool.RunAsync(c => RawJoinAsync(c, "BENCH_RAW", path, $"m-{i}")));

        return (new RaceResult(p.Allowed, p.Refused, limit, await HoldersAsync("BENCH_PRODUCT"), p.Throughput, p.P50, p.P99),
            new RaceResult(r.Allowed, r.Refused, limit, await HoldersAsync("BENCH_RAW"), r.Throughput, r.P50, r.P99));
    }

    /// <summary>Single-caller latency and EF commands per join (--profile --scenario join): accepted, refused (scope full), existing; raw beside.</summary>
    public async Task ProfileAsync()
    {
        var path = await SeedAsync();
        var memberships = services.GetRequiredService<MembershipService>();
        var counter = StatementCounter.Start();
        const int n = 500;
        await DesignationAsync("PROFILE_OPEN", 100_000);
        await DesignationAsync("PROFILE_FULL", 1);
        await DesignationAsync("PROFILE_RAW", 100_000);
        await DesignationAsync("PROFILE_RAW_FULL", 1);
        Task Join(string designation, string member) =>
            memberships.JoinAsync(Actor, new JoinMembershipRequest(member, new MembershipScope(Cell, designation, Level.MANDAL, Mandal: path.MandalCode), Activate: true));
        await Join("PROFILE_FULL", "first");
        await using var pool = await RawConnectionPool.OpenAsync(Sqlite, connectionString, 1);
        await pool.RunAsync(c => RawJoinAsync(c, "PROFILE_RAW_FULL", path, "first"));
        foreach (var (name, call) in new (string, Func<int, Task>)[]
        {
            ("join accepted", i => Join("PROFILE_OPEN", $"p-{i}")),
            ("join existing", i => Join("PROFILE_OPEN", $"p-{i}")),
            ("join refused", i => Join("PROFILE_FULL", $"r-{i}")),
            ("raw join accepted", i => pool.RunAsync(c => RawJoinAsync(c, "PROFILE_RAW", path, $"p-{i}"))),
            ("raw join refused", i => pool.RunAsync(c => RawJoinAsync(c, "PROFILE_RAW_FULL", path, $"r-{i}"))),
        })
        {
            await call(-1);
            counter.TakeCounts();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++) await call(i);
            var perCall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds / n;
            var counts = string.Join(", ", counter.TakeCounts().OrderBy(kv => kv.Key).Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value / (double)n:0.##}")));
            Console.WriteLine(FormattableString.Invariant($"PROFILE|{name}|{perCall:F3} ms/call|{counts}"));
        }
    }

    /// <summary>
    /// The product's join transaction in raw ADO: lock, read the cell and designation, release lapsed payment locks of the
    /// scope, the existing-member check, the taken seat numbers (count and lowest free), INSERT, COMMIT.
    /// </summary>
    private async Task<bool> RawJoinAsync(DbConnection connection, string designation, UnitPath path, string member, bool capped = false)
    {
        var scopeKey = ScopeKeys.Designation(Cell, designation, path);
        var outboxId = Guid.NewGuid();
        var crossed = false;
        var now = DateTimeOffset.UtcNow;
        if (Sqlite) await _rawGate.WaitAsync();
        try
        {
            await using var tx = await connection.BeginTransactionAsync();
            if (!Sqlite)
            {
                await ExecAsync(connection, tx, "INSERT INTO \"SeatScopeLocks\" (\"ScopeKey\") VALUES (@k) ON CONFLICT (\"ScopeKey\") DO NOTHING; " +
                    "SELECT \"ScopeKey\" FROM \"SeatScopeLocks\" WHERE \"ScopeKey\" = @k FOR UPDATE;", ("k", ScopeKeys.DesignationLock(scopeKey)));
                if (capped)
                    await ExecAsync(connection, tx, "INSERT INTO \"SeatScopeLocks\" (\"ScopeKey\") VALUES (@k) ON CONFLICT (\"ScopeKey\") DO NOTHING; " +
                        "SELECT \"ScopeKey\" FROM \"SeatScopeLocks\" WHERE \"ScopeKey\" = @k FOR UPDATE;", ("k", ScopeKeys.AggregateLock(Cell, Level.MANDAL, path.MandalCode!)));
            }
            if (!Convert.ToBoolean(await ScalarAsync(connection, tx, "SELECT \"IsActive\" FROM \"Cells\" WHERE \"Code\" = @c", ("c", Cell))))
                return false;
            var capacity = Convert.ToInt32(await ScalarAsync(connection, tx, "SELECT \"DefaultCapacity\" FROM \"Designations\" WHERE \"Code\" = @d", ("d", designation)));
            await ExecAsync(connection, tx, "UPDATE \"Memberships\" SET \"Status\" = 'EXPIRED', \"ExpiredAt\" = @now " +
                "WHERE \"ScopeKey\" = @k AND \"Status\" = 'PENDING_PAYMENT' AND \"LockedAt\" <= @cutoff",
                ("now", Time(now)), ("k", scopeKey), ("cutoff", Time(now.AddMinutes(-30))));
            if (await ScalarAsync(connection, tx, "SELECT 1 FROM \"Memberships\" WHERE \"ScopeKey\" = @k AND \"MemberRef\" = @m AND " + Holders,
                    ("k", scopeKey), ("m", member)) is not null)
                return false;
            var taken = new HashSet<int>();
            await using (var read = Command(connection, tx, "SELECT \"SeatSequence\" FROM \"Memberships\" WHERE \"ScopeKey\" = @k AND " + Holders, ("k", scopeKey)))
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) taken.Add(reader.GetInt32(0));
            if (taken.Count >= capacity) return false;
            if (capped)
            {
                var capCapacity = Convert.ToInt32(await ScalarAsync(connection, tx, "SELECT \"Capacity\" FROM \"LevelCapacities\" WHERE \"CellCode\" = @c " +
                    "AND \"Level\" = 'MANDAL' AND \"UnitCode\" = @u", ("c", Cell), ("u", path.MandalCode!)));
                var used = Convert.ToInt32(await ScalarAsync(connection, tx, "SELECT COUNT(*) FROM \"Memberships\" WHERE \"CellCode\" = @c " +
                    "AND \"Level\" = 'MANDAL' AND \"MandalCode\" = @u AND " + Holders, ("c", Cell), ("u", path.MandalCode!)));
                if (used >= capCapacity) return false;
                crossed = Band(used, capCapacity) != Band(used + 1, capCapacity);
            }
            var seat = Enumerable.Range(1, capacity).First(n => !taken.Contains(n));
            await ExecAsync(connection, tx,
                "INSERT INTO \"Memberships\" (\"Id\", \"MemberRef\", \"CellCode\", \"DesignationCode\", \"Level\", \"Zone\", \"StateCode\", \"DistrictCode\", " +
                "\"MandalCode\", \"ScopeKey\", \"Status\", \"PaymentStatus\", \"SeatSequence\", \"Fee\", \"AmountPaid\", \"CreatedAt\", \"ActivatedAt\", " +
                "\"ExpiresAt\", \"RefundRequired\") VALUES (@id, @m, @c, @d, 'MANDAL', @z, @s, @di, @ma, @k, 'ACTIVE', 'NOT_REQUIRED', @seat, 0, 0, @now, " +
                "@now, @expires, @no)",
                ("id", Sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid()), ("m", member), ("c", Cell), ("d", designation),
                ("z", path.Zone!.Value.ToString()), ("s", path.StateCode!), ("di", path.DistrictCode!), ("ma", path.MandalCode!), ("k", scopeKey),
                ("seat", seat), ("now", Time(now)), ("expires", Time(now.AddDays(365))), ("no", false));
            if (crossed)
                await ExecAsync(connection, tx, "INSERT INTO \"AlertEvaluationRequests\" (\"Id\", \"PoolType\", \"PoolId\", \"CreatedAt\") VALUES (@id, 'LevelCapacity', @p, @at)",
                    ("id", Id(outboxId)), ("p", Id(Guid.NewGuid())), ("at", Time(now)));
            await tx.CommitAsync();
        }
        finally
        {
            if (Sqlite) _rawGate.Release();
        }
        if (crossed) await ExecAsync(connection, null, "DELETE FROM \"AlertEvaluationRequests\" WHERE \"Id\" = @id", ("id", Id(outboxId)));
        return true;
    }

    /// <summary>The default bands of a cap (80, 90, 100 % = its hard limit).</summary>
    private static int Band(int used, int capacity) => used * 100 >= capacity * 100 ? 3 : used * 100 >= capacity * 90 ? 2 : used * 100 >= capacity * 80 ? 1 : 0;

    private object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

    private const string Holders = "\"Status\" IN ('ACTIVE', 'PENDING_APPROVAL', 'PENDING_PAYMENT')";

    private object Time(DateTimeOffset t) => Sqlite ? SqliteTime.ConvertToProvider(t)! : t;

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task ExecAsync(DbConnection connection, DbTransaction? tx, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The seeded catalog (simple mode) and the first mandal's path.</summary>
    private async Task<UnitPath> SeedAsync()
    {
        using (var scope = services.CreateScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<MembershipSeeder>().SeedAsync(FindSeedDirectory(), MembershipSeedOptions.Simple);
            if (!seeded.IsSuccess) throw new InvalidOperationException(seeded.Error.Detail);
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        var mandal = await db.Mandals.AsNoTracking().OrderBy(m => m.Code).FirstAsync();
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == mandal.DistrictCode);
        var state = await db.States.AsNoTracking().FirstAsync(s => s.Code == district.StateCode);
        return new UnitPath(Level.MANDAL, state.Zone, state.Code, district.Code, mandal.Code);
    }

    /// <summary>The path of the n-th mandal by code.</summary>
    private async Task<UnitPath> MandalPathAsync(int n)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        var mandal = await db.Mandals.AsNoTracking().OrderBy(m => m.Code).Skip(n).FirstAsync();
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == mandal.DistrictCode);
        var state = await db.States.AsNoTracking().FirstAsync(s => s.Code == district.StateCode);
        return new UnitPath(Level.MANDAL, state.Zone, state.Code, district.Code, mandal.Code);
    }

    private async Task CapAsync(UnitPath mandal, int capacity)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        db.LevelCapacities.Add(new LevelCapacity(Cell, Level.MANDAL, mandal.MandalCode!, capacity));
        await db.SaveChangesAsync();
    }

    /// <summary>Revokes the warm-up seats of a mandal, so the measured race starts from an empty cap.</summary>
    private async Task ClearMandalAsync(UnitPath mandal)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        await db.Memberships.Where(m => m.MandalCode == mandal.MandalCode).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MembershipStatus.REVOKED));
    }

    private async Task<long> MandalHoldersAsync(UnitPath mandal)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.Memberships.CountAsync(m => m.MandalCode == mandal.MandalCode
            && (m.Status == MembershipStatus.ACTIVE || m.Status == MembershipStatus.PENDING_APPROVAL || m.Status == MembershipStatus.PENDING_PAYMENT));
    }

    private async Task DesignationAsync(string code, int capacity)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        db.Designations.Add(new Designation(code, code, capacity, 0m, 365, 100));
        await db.SaveChangesAsync();
    }

    private async Task<long> HoldersAsync(string designation)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.Memberships.CountAsync(m => m.DesignationCode == designation
            && (m.Status == MembershipStatus.ACTIVE || m.Status == MembershipStatus.PENDING_APPROVAL || m.Status == MembershipStatus.PENDING_PAYMENT));
    }

    private static string FindSeedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "seed-data"))) return Path.Combine(dir.FullName, "seed-data");
        throw new DirectoryNotFoundException("seed-data/ not found above the bench's output folder.");
    }

    private Task<RawConnectionPool> RawPoolAsync() => RawConnectionPool.OpenAsync(Sqlite, connectionString, options.Parallel);
}
