using Microsoft.Data.Sqlite;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>Throw-away directories under the system temp folder.</summary>
public static class TestDirectories
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        // Idle pooled SQLite connections keep the files open; release them first.
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test run.
        }
    }
}
