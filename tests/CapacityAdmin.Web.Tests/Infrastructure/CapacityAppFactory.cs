using System.Net;
using System.Net.Http.Headers;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using CapacityAdmin.Web.Jobs;
using Hangfire;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>
/// The whole app served by real Kestrel on 127.0.0.1 and a free port, in environment "Testing", with its own
/// temporary data directory (SQLite file, data-protection keys), the demo users and companies seeded and no
/// scheduled job firing. Each test class gets its own instance (<c>IClassFixture</c>), so classes running in
/// parallel never share a database. Several instances in one process are fine: each host has its own Hangfire
/// job store (a SQLite file in its data directory) and a uniquely named Hangfire server.
/// </summary>
public class CapacityAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDataDirectory;
    private HttpClient? _client;

    /// <summary>The default host; xunit creates it for <c>IClassFixture&lt;CapacityAppFactory&gt;</c>.</summary>
    public CapacityAppFactory() : this(null, null) { }

    /// <param name="settings">Configuration overriding the defaults below (for example another database provider).</param>
    /// <param name="dataDirectory">A data directory to share (for example with the command line); created and deleted here when null.</param>
    protected CapacityAppFactory(IDictionary<string, string?>? settings, string? dataDirectory)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TestDirectories.Create("capacity-web");
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Data:Directory"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["Seed:DemoData"] = "true",
            ["Jobs:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>A host with other settings or a shared data directory; call <see cref="InitializeAsync"/> to start it.</summary>
    public static CapacityAppFactory Create(IDictionary<string, string?>? settings = null, string? dataDirectory = null) =>
        new(settings, dataDirectory);

    public string DataDirectory { get; }

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>. Available after <see cref="InitializeAsync"/>.</summary>
    public Uri ServerAddress { get; private set; } = null!;

    /// <summary>A client for the Kestrel address that follows no redirects and keeps no cookies.</summary>
    public HttpClient Client => _client ??= CreateHttpClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var address = addresses.Single();
        ServerAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        // The Hangfire server registers itself with the job store shortly after the host started; wait for it, so that
        // /healthz sees its heartbeat.
        var storage = Services.GetRequiredService<JobStorage>();
        var identity = Services.GetRequiredService<JobServerIdentity>();
        await Poll.UntilAsync(() => Task.FromResult(storage.GetMonitoringApi().Servers().Any(s => identity.Owns(s.Name))), "the job server to start");
    }

    /// <summary>A new client for the Kestrel address. Redirects are never followed, so tests see each 302.</summary>
    public HttpClient CreateHttpClient(CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null };
        if (cookies is not null) handler.CookieContainer = cookies;
        return new HttpClient(handler) { BaseAddress = ServerAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client that sends <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public HttpClient CreateApiClient(string apiKey)
    {
        var client = CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Creates an API key through the domain service (as an Administrator would) and returns its id and secret.</summary>
    public async Task<CreatedApiKey> CreateApiKeyAsync(string role, Guid? companyId = null, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(TestActors.Administrator, name ?? $"test-{role}-{Guid.NewGuid():N}", role, companyId);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }

    /// <summary>Creates an API key and returns a client authenticating with it.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string role, Guid? companyId = null) =>
        CreateApiClient((await CreateApiKeyAsync(role, companyId)).Secret);

    public async Task RevokeApiKeyAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(TestActors.Administrator, id);
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    /// <summary>The id of a seeded company (see <see cref="DemoData"/>).</summary>
    public async Task<Guid> GetCompanyIdAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var companies = await scope.ServiceProvider.GetRequiredService<CompanyService>().ListAsync(Actor.System);
        return companies.SingleOrDefault(c => c.Name == name)?.Id
            ?? throw new InvalidOperationException($"Company '{name}' was not seeded; have: {string.Join(", ", companies.Select(c => c.Name))}.");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
        if (_ownsDataDirectory) TestDirectories.Delete(DataDirectory);
        GC.SuppressFinalize(this);
    }
}
