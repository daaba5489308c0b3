using Npgsql;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database <c>capacity_web_&lt;guid&gt;</c> on the throw-away server named by <c>CAPACITY_TEST_POSTGRES</c>
/// (scripts/test.sh starts one), dropped on dispose. A missing variable fails the test: a skipped PostgreSQL
/// test would let the multi-server setup rot unnoticed.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CAPACITY_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            Assert.Fail($"{ServerVariable} is not set. PostgreSQL tests need a server: run scripts/test.sh, or start a PostgreSQL 15 " +
                        $"and export {ServerVariable}='Host=127.0.0.1;Port=PORT;Username=postgres;Password=postgres'.");

        var name = $"capacity_web_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(admin.ConnectionString, name, database.ConnectionString);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
