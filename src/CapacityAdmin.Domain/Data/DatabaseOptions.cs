namespace CapacityAdmin.Domain.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Switch off in production and apply the SQL scripts instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
