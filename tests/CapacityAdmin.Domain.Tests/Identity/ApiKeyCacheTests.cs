using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Identity;

/// <summary>
/// Each server keeps its own cache of the keys it has seen (two services with two caches here, on one database): the cache
/// never outlives a revocation, wherever the key was revoked.
/// </summary>
public abstract class ApiKeyCacheTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task CachedKey_RevokedThroughAnotherServer_IsRefusedAtItsNextUse()
    {
        // Arrange: server A has authenticated the key twice (the second time from its cache)
        var serverA = new ApiKeyService(Database, Clock, new ApiKeyCache());
        var serverB = new ApiKeyService(Database, Clock, new ApiKeyCache());
        var created = Ok(await serverA.CreateAsync(Admin, "sign-up", Roles.Integration, null));
        Assert.Equal(created.Key.Id, (await serverA.AuthenticateAsync(created.Secret))?.Id);
        Assert.Equal(created.Key.Id, (await serverA.AuthenticateAsync(created.Secret))?.Id);

        // Act
        Ok(await serverB.RevokeAsync(Admin, created.Key.Id));

        // Assert: refused on A at once, and still after (the entry is gone, the database says revoked)
        Assert.Null(await serverA.AuthenticateAsync(created.Secret));
        Assert.Null(await serverA.AuthenticateAsync(created.Secret));
    }

    [Fact]
    public async Task CachedKey_OtherSecretsOfTheSameShape_AreStillRefused()
    {
        var server = new ApiKeyService(Database, Clock, new ApiKeyCache());
        var created = Ok(await server.CreateAsync(Admin, "sign-up", Roles.CompanyAdmin, await NewCompanyAsync()));
        Assert.NotNull(await server.AuthenticateAsync(created.Secret));

        Assert.Null(await server.AuthenticateAsync(created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await server.AuthenticateAsync(ApiKeyService.SecretPrefix));
        var again = await server.AuthenticateAsync(created.Secret);
        Assert.Equal((created.Key.Id, Roles.CompanyAdmin, created.Key.CompanyId), (again?.Id, again?.Role, again?.CompanyId));
    }
}

public sealed class SqliteApiKeyCacheTests() : ApiKeyCacheTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresApiKeyCacheTests(PostgresDatabaseFixture fixture) : ApiKeyCacheTests(fixture.Database), IClassFixture<PostgresDatabaseFixture>;
