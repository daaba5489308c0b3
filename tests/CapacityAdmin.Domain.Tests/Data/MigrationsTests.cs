using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Data;

/// <summary>
/// The guard the test command runs: the model must not have changed without a migration for every
/// provider. Fix a failure with <c>./scripts/add-migration.sh NAME</c>.
/// </summary>
public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=unused;TrustServerCertificate=True")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    public void Model_ForEachProvider_HasNoChangesMissingAMigration(DatabaseProvider provider, string connectionString)
    {
        // Make sure the provider's migrations assembly is loaded (the tests reference all three projects).
        _ = typeof(Migrations.Sqlite.DesignTimeDbContextFactory);
        _ = typeof(Migrations.SqlServer.DesignTimeDbContextFactory);
        _ = typeof(Migrations.Postgres.DesignTimeDbContextFactory);
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, provider, connectionString);
        using var db = new CapacityDbContext(builder.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes without a {provider} migration: run ./scripts/add-migration.sh <Name>.");
    }
}
