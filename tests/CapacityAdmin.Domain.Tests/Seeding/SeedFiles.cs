namespace CapacityAdmin.Domain.Tests.Seeding;

/// <summary>The repository's <c>seed-data/</c> folder, found by walking up from the test binaries.</summary>
public static class SeedFiles
{
    private static readonly Lazy<string> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data");
            if (File.Exists(Path.Combine(candidate, "geography.json"))) return candidate;
        }
        throw new DirectoryNotFoundException($"No seed-data/geography.json above {AppContext.BaseDirectory}.");
    });

    public static string Directory => Found.Value;
}
