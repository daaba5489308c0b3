namespace CapacityAdmin.Domain.Tests.Memberships.Infrastructure;

/// <summary>
/// One migrated <c>members_test_&lt;guid&gt;</c> database per test class, dropped afterwards. Tests
/// share it safely because every harness prefixes its codes. Fails (never skips) without
/// CAPACITY_TEST_POSTGRES.
/// </summary>
public sealed class MembershipPostgresFixture : IAsyncLifetime
{
    private Task<MembershipDatabase>? _database;

    public Task<MembershipDatabase> DatabaseAsync() => _database ??= MembershipDatabase.CreatePostgresAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is { IsCompletedSuccessfully: true }) await (await _database).DisposeAsync();
    }
}
