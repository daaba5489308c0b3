using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Support;

/// <summary>A real, migrated database for one test (SQLite) or one test class (PostgreSQL).</summary>
public abstract class TestDatabase : IDbContextFactory<CapacityDbContext>
{
    public abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    public CapacityDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, Provider, ConnectionString);
        return new CapacityDbContext(builder.Options);
    }

    /// <summary>Called before each test.</summary>
    public abstract Task InitializeAsync();

    /// <summary>Called after each test.</summary>
    public abstract Task DisposeAsync();
}
