using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.E2E.Infrastructure;

/// <summary>
/// The real app on Kestrel, 127.0.0.1 and a port the OS picks, with a fresh data directory (SQLite file and
/// data-protection keys), the demo data seeded and the jobs switched off. Development, so that the static
/// web assets (MudBlazor's CSS/JS, blazor.web.js) are served from the build output without publishing.
/// </summary>
public sealed class CapacityAppFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "capacityadmin-e2e-" + Guid.NewGuid().ToString("N"));

    public CapacityAppFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The address Kestrel listens on, without a trailing slash; valid after <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Directory", DataDirectory);
        builder.UseSetting("Seed:DemoData", "true");
        // The flows count usage from zero; the README screenshots (scripts/screenshots.sh) want the demo usage.
        builder.UseSetting("Seed:DemoUsage", Environment.GetEnvironmentVariable("CAPACITY_E2E_DEMO_USAGE") ?? "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // SQLite may keep the file open a moment after the host stops (connection pool).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}
