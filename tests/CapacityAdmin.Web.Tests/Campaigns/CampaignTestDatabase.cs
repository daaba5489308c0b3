using CapacityAdmin.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Web.Tests.Campaigns;

/// <summary>
/// A fresh SQLite file per test, migrated with the real Sqlite migrations. The migrations run once per
/// process into a template file that each test copies, which keeps the suite quick.
/// </summary>
public sealed class CampaignTestDatabase : IAsyncDisposable
{
    private static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "capacity-web-campaign-tests", Environment.ProcessId.ToString());
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private CampaignTestDatabase(string path) => Path = path;

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public static async Task<CampaignTestDatabase> CreateAsync()
    {
        var path = System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(await Template.Value, path);
        return new CampaignTestDatabase(path);
    }

    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
        return ValueTask.CompletedTask;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, "template.db");
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        // No pooling: the connection really closes, the WAL is checkpointed and the file is complete before it is copied.
        DbContextOptionsConfigurator.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
        await using (var db = new CapacityDbContext(builder.Options))
            await db.Database.MigrateAsync();
        return path;
    }
}
