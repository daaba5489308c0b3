using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CapacityAdmin.Bench;

/// <summary>The raw baselines' connections: one per worker, opened once (pragmas set once), handed out per request.</summary>
internal sealed class RawConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentBag<DbConnection> _connections = [];

    public static async Task<RawConnectionPool> OpenAsync(bool sqlite, string connectionString, int count)
    {
        var pool = new RawConnectionPool();
        for (var i = 0; i < count; i++)
        {
            DbConnection connection = sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            if (sqlite)
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
                await pragmas.ExecuteNonQueryAsync();
            }
            pool._connections.Add(connection);
        }
        return pool;
    }

    public async Task<bool> RunAsync(Func<DbConnection, Task<bool>> call)
    {
        if (!_connections.TryTake(out var connection)) throw new InvalidOperationException("More workers than connections.");
        try
        {
            return await call(connection);
        }
        finally
        {
            _connections.Add(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_connections.TryTake(out var connection)) await connection.DisposeAsync();
    }
}
