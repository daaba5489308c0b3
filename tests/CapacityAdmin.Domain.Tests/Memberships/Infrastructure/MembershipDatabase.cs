using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CapacityAdmin.Domain.Tests.Memberships.Infrastructure;

/// <summary>
/// A real, migrated database for membership tests: a temp-file SQLite database, or a
/// <c>members_test_&lt;guid&gt;</c> database on the PostgreSQL server named by CAPACITY_TEST_POSTGRES.
/// </summary>
public sealed class MembershipDatabase : IDbContextFactory<CapacityDbContext>, IAsyncDisposable
{
    public const string PostgresVariable = "CAPACITY_TEST_POSTGRES";

    private readonly DbContextOptions<CapacityDbContext> _options;
    private readonly Func<Task> _drop;

    private MembershipDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        _drop = drop;
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, provider, connectionString);
        _options = builder.Options;
    }

    public DatabaseProvider Provider { get; }

    public CapacityDbContext CreateDbContext() => new(_options);

    /// <summary>
    /// A fresh temp-file database per call. The real migrations run once per test run into a template
    /// file, which each test then copies (migrating every test's file would dominate the suite's time).
    /// </summary>
    public static async Task<MembershipDatabase> CreateSqliteAsync()
    {
        var template = await SqliteTemplate.Value;
        var file = Path.Combine(Path.GetTempPath(), $"members_test_{Guid.NewGuid():N}.db");
        File.Copy(template, file);
        var db = Sqlite(file);
        await db.MigrateAsync(); // a no-op on the copy; proves it is current
        return db;
    }

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"members_template_{Guid.NewGuid():N}.db");
        var db = Sqlite(file);
        await db.MigrateAsync();
        await using (var context = db.CreateDbContext())
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => db.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return file;
    });

    private static MembershipDatabase Sqlite(string file) =>
        new(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", () =>
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
            return Task.CompletedTask;
        });

    public static async Task<MembershipDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. The PostgreSQL membership tests need a server, e.g. " +
                $"{PostgresVariable}='Host=127.0.0.1;Port=54359;Username=postgres;Password=postgres' (scripts/test.sh starts one).");
        var name = $"members_test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 }.ConnectionString;
        var db = new MembershipDatabase(DatabaseProvider.Postgres, connection, async () =>
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
        await db.MigrateAsync();
        return db;
    }

    public ValueTask DisposeAsync() => new(_drop());

    private async Task MigrateAsync()
    {
        _ = typeof(Migrations.Sqlite.DesignTimeDbContextFactory);
        _ = typeof(Migrations.Postgres.DesignTimeDbContextFactory);
        await using var context = CreateDbContext();
        await context.Database.MigrateAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
