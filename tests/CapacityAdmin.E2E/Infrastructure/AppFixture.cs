using Microsoft.Playwright;

namespace CapacityAdmin.E2E.Infrastructure;

/// <summary>One app server and one headless Chromium for the whole E2E collection; each test opens its own context.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (see docs/toolchain.md); Playwright never downloads a browser here.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private readonly CapacityAppFactory _app = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>The app's services, to arrange data through the domain services (a scope per use).</summary>
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CAPACITY_E2E_CHROMIUM") ?? DefaultChromiumPath;
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: apt-get install -y chromium (or set CAPACITY_E2E_CHROMIUM).");

        // Start the server and the browser side by side: both take a couple of seconds on two cores.
        var server = Task.Run(_app.Start);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await server;

        // The first circuit after start-up is the slow one (JIT); give assertions room, never fixed sleeps.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App in Chromium";
}
