using System.Net;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Hosting;

/// <summary>The host on PostgreSQL: migrates a fresh database and runs its Hangfire server on a job store in that database.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresHostTests
{
    [Fact]
    public async Task Host_OnFreshPostgresDatabase_MigratesAndReportsTheJobServerOnThePostgresStore()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var app = CapacityAppFactory.Create(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
        });
        await app.InitializeAsync();

        var response = await app.Client.GetAsync("healthz");

        var health = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        var scheduler = checks.GetProperty("scheduler");
        Assert.Equal("Healthy", scheduler.GetProperty("status").GetString());
        var data = scheduler.GetProperty("data");
        Assert.Equal("PostgreSqlStorage", data.GetProperty("storage").GetString());

        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\"") > 0, "No migration was recorded.");
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'lock'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM hangfire.server"));

        // The API works against it too: the seeded demo companies are there.
        using var api = await app.CreateApiClientAsync(Roles.Sales);
        var companies = await ApiAssert.JsonAsync(await api.GetAsync("api/v1/companies"), HttpStatusCode.OK);
        Assert.True(companies.GetProperty("total").GetInt32() >= 3);
    }
}
