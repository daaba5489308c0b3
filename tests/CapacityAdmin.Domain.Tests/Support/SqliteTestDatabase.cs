using CapacityAdmin.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Support;

/// <summary>
/// A fresh SQLite file per test, so concurrent tasks use separate connections as in production.
/// The migrations run once into a template file; each test copies it, which keeps the suite fast.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "capacity-domain-tests", Environment.ProcessId.ToString());
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private readonly string _path = Path.Combine(Directory, $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The database file; its write-ahead log is this path with <c>-wal</c> appended.</summary>
    public string FilePath => _path;

    protected override string ConnectionString => $"Data Source={_path}";

    public override async Task InitializeAsync() => File.Copy(await Template.Value, _path);

    public override Task DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
        return Task.CompletedTask;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, "template.db");
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        // No pooling: the connection really closes, SQLite checkpoints the WAL, and the file is complete.
        DbContextOptionsConfigurator.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
        await using (var db = new CapacityDbContext(builder.Options))
            await db.Database.MigrateAsync();
        return path;
    }
}
