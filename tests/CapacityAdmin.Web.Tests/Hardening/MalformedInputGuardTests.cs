using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Hardening;

/// <summary>The standing guard (<see cref="MalformedInputGuard"/>) on SQLite.</summary>
public sealed class MalformedInputGuardSqliteTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public Task EveryWriteEndpoint_WithMalformedInput_Is4xxProblemAndChangesNothing() => MalformedInputGuard.RunAsync(app);
}

/// <summary>The standing guard on PostgreSQL, which (unlike SQLite) refuses NUL in text and enforces column lengths.</summary>
[Trait("Category", "Postgres")]
public sealed class MalformedInputGuardPostgresTests
{
    [Fact]
    public async Task EveryWriteEndpoint_WithMalformedInput_Is4xxProblemAndChangesNothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var app = CapacityAppFactory.Create(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Jobs:SchedulerName"] = $"CapacityAdmin-{Guid.NewGuid():N}",
        });
        await app.InitializeAsync();

        await MalformedInputGuard.RunAsync(app);
    }
}
