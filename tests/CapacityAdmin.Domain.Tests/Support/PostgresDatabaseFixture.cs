using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CapacityAdmin.Domain.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database per test class (capacity_test_&lt;guid&gt;), migrated, dropped afterwards.
/// The server comes from CAPACITY_TEST_POSTGRES; without it the tests fail on purpose, never skip.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public const string Variable = "CAPACITY_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly string _databaseName = $"capacity_test_{Guid.NewGuid():N}";

    public PostgresDatabaseFixture()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need the environment variable {Variable} with a server connection string, " +
                "e.g. Host=127.0.0.1;Port=54329;Username=postgres;Password=postgres");
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName, MaxPoolSize = 100 };
        Database = new PostgresTestDatabase(builder.ConnectionString);
    }

    public PostgresTestDatabase Database { get; }

    public async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_databaseName}\"");
        await using var db = Database.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The class-wide database; per-test setup and teardown do nothing (tests use their own companies).</summary>
public sealed class PostgresTestDatabase(string connectionString) : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => connectionString;

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;
}
