using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Data;

/// <summary>Configures the context for one provider, with that provider's migrations assembly.</summary>
public static class DbContextOptionsConfigurator
{
    public static string MigrationsAssemblyFor(DatabaseProvider provider) => $"CapacityAdmin.Migrations.{provider}";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssemblyFor(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                builder.AddInterceptors(new SqlitePragmaInterceptor());
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
        return builder;
    }
}
