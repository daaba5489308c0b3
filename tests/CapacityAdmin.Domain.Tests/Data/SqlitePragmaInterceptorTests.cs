using CapacityAdmin.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Data;

/// <summary>
/// The SQLite pragmas survive the connection pool: set once per physical connection, WAL once per file; no commit checkpoints
/// the WAL on its writer's time (<see cref="SqliteCheckpointer"/> does).
/// </summary>
public class SqlitePragmaInterceptorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task PooledConnection_ReopenedByAnotherContext_KeepsEveryPragma()
    {
        // Arrange: pooling on, as in the app
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={_path}");
        var options = builder.Options;

        // Act: open twice; the second open reuses the pooled physical connection and runs no pragmas
        var first = await PragmasAsync(options);
        var second = await PragmasAsync(options);

        // Assert
        Assert.Equal(("wal", 5000L, 1L, 1L, 0L, 64L * 1024 * 1024), first);
        Assert.Equal(first, second);
    }

    private static async Task<(string Journal, long BusyTimeout, long Synchronous, long ForeignKeys, long AutoCheckpoint, long WalSizeLimit)> PragmasAsync(DbContextOptions<CapacityDbContext> options)
    {
        await using var db = new CapacityDbContext(options);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        async Task<object> Read(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            return (await command.ExecuteScalarAsync())!;
        }
        return ((string)await Read("journal_mode"), (long)await Read("busy_timeout"), (long)await Read("synchronous"), (long)await Read("foreign_keys"),
            (long)await Read("wal_autocheckpoint"), (long)await Read("journal_size_limit"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
    }
}
