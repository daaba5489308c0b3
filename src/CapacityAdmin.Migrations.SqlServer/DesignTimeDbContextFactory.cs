using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CapacityAdmin.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CapacityDbContext>
{
    public CapacityDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, DatabaseProvider.SqlServer, "Server=localhost;Database=CapacityAdmin;Trusted_Connection=True;TrustServerCertificate=True");
        return new CapacityDbContext(builder.Options);
    }
}
