namespace CapacityAdmin.Web.Hosting;

/// <summary>
/// Where the app finds its data folder, the brand assets and the seed data. <c>wwwroot-assets/</c> and
/// <c>seed-data/</c> live at the repository root and are copied next to the binaries at build time
/// (see the csproj), so the same paths work for <c>dotnet run</c>, tests and a published app.
/// </summary>
public sealed record AppPaths(string DataDirectory, string AssetsDirectory, string SeedDirectory)
{
    public static AppPaths From(IConfiguration configuration, string contentRoot)
    {
        var data = configuration["Data:Directory"];
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(data) ? Path.Combine(contentRoot, "App_Data") : data, contentRoot);
        var seed = configuration["Seed:Directory"];
        return new AppPaths(
            dataDirectory,
            Path.Combine(AppContext.BaseDirectory, "wwwroot-assets"),
            string.IsNullOrWhiteSpace(seed) ? Path.Combine(AppContext.BaseDirectory, "seed-data") : Path.GetFullPath(seed, contentRoot));
    }

    /// <summary>The repository's root <c>appsettings.Development.json</c>, copied next to the binaries.</summary>
    public static string RootDevelopmentSettings => Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json");
}
