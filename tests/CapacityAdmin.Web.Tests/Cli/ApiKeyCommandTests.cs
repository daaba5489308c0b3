using System.Net;
using CapacityAdmin.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Cli;

/// <summary>A host and the command line sharing one data directory (one SQLite file), as on a server.</summary>
public sealed class SharedDataDirectoryFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = TestDirectories.Create("capacity-cli");

    public CapacityAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = CapacityAppFactory.Create(dataDirectory: DataDirectory);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        TestDirectories.Delete(DataDirectory);
    }
}

/// <summary><c>apikey create | list | revoke</c> run as a separate process against the host's database.</summary>
public sealed class ApiKeyCommandTests(SharedDataDirectoryFixture shared) : IClassFixture<SharedDataDirectoryFixture>
{
    private CapacityAppFactory App => shared.App;

    [Fact]
    public async Task ApiKeyCreate_IntegrationRole_PrintsKeyOnLastLineAndKeyAuthenticates()
    {
        var result = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "create", "--name", "ci", "--role", "Integration");

        Assert.True(result.ExitCode == 0, result.ToString());
        // stdout is the command's own output only; start-up logs go to stderr and can never follow the key.
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("info:", StringComparison.Ordinal) || l.StartsWith("warn:", StringComparison.Ordinal));
        var key = result.OutputLines[^1];
        Assert.StartsWith("cap_", key);
        Assert.DoesNotContain(' ', key);
        using var client = App.CreateApiClient(key);
        var response = await client.GetAsync("api/v1/companies");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiKeyList_AfterCreate_ShowsTheKeyAsActive()
    {
        var name = $"list-{Guid.NewGuid():N}";
        var created = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "create", "--name", name, "--role", "Sales");
        Assert.True(created.ExitCode == 0, created.ToString());

        var list = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "list");

        Assert.True(list.ExitCode == 0, list.ToString());
        var line = Assert.Single(list.OutputLines, l => l.EndsWith(name, StringComparison.Ordinal));
        Assert.Contains("Sales", line);
        Assert.Contains("active", line);
        Assert.Contains(created.OutputLines[^1][..12] + "…", line); // the prefix, never the whole secret
        Assert.DoesNotContain(created.OutputLines[^1], list.StandardOutput);
    }

    [Fact]
    public async Task ApiKeyRevoke_ById_MakesTheKeyUnauthorized()
    {
        var name = $"revoke-{Guid.NewGuid():N}";
        var created = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "create", "--name", name, "--role", "Integration");
        Assert.True(created.ExitCode == 0, created.ToString());
        using var client = App.CreateApiClient(created.OutputLines[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/companies")).StatusCode);
        var id = await KeyIdAsync(name);

        var revoked = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "revoke", "--id", id.ToString());

        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        await ApiAssert.ProblemAsync(await client.GetAsync("api/v1/companies"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    // The id as the host's domain service knows it (the list command is covered above).
    private async Task<Guid> KeyIdAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var keys = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync(TestActors.Administrator)).Value!;
        return Assert.Single(keys, k => k.Name == name).Id;
    }

    [Fact]
    public async Task ApiKeyCreate_UnknownRole_ExitsNonZeroWithMessage()
    {
        var result = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "create", "--name", "bad", "--role", "Janitor");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Role must be one of", result.StandardError);
        Assert.DoesNotContain("cap_", result.StandardOutput);
    }

    [Fact]
    public async Task ApiKeyRevoke_WithoutId_ExitsNonZeroWithMessage()
    {
        var result = await CommandLineRunner.RunAsync(shared.DataDirectory, "apikey", "revoke");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("--id", result.StandardError);
    }
}
