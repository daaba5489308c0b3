using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Data;

/// <summary>Applies pending migrations of the configured provider when start-up migration is on.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<CapacityDbContext> contexts, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.MigrateOnStartup)
        {
            logger.LogInformation("Database:MigrateOnStartup is off; expecting the schema to be applied by script.");
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, options.Value.Provider, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }
}
