using CapacityAdmin.Domain.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace CapacityAdmin.Web.Jobs;

/// <summary>
/// The Hangfire job store for the app's database provider: on SQLite a file of its own beside the app database
/// (Hangfire.Storage.SQLite; one server), on PostgreSQL and SQL Server a schema in the app database, shared by every
/// server of a cluster. Built per host, never through Hangfire's static <c>JobStorage.Current</c>.
/// </summary>
public static class JobStorageFactory
{
    public static JobStorage Create(DatabaseConnectionInfo database, JobsOptions options) => database.Provider switch
    {
        DatabaseProvider.Postgres => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(database.ConnectionString, PostgresOptions(options)), PostgresOptions(options)),
        DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
        {
            SchemaName = options.Schema,
            PrepareSchemaIfNecessary = true,
            SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        }),
        _ => new SQLiteStorage(SqliteFile(database, options), new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval }),
    };

    private static PostgreSqlStorageOptions PostgresOptions(JobsOptions options) => new()
    {
        SchemaName = options.Schema,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = options.QueuePollInterval,
    };

    /// <summary><c>Jobs:SqliteFile</c>, or <c>&lt;app database name&gt;.jobs.db</c> in the app database's folder.</summary>
    public static string SqliteFile(DatabaseConnectionInfo database, JobsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SqliteFile)) return Path.GetFullPath(options.SqliteFile);
        var appDatabase = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        return Path.Combine(Path.GetDirectoryName(appDatabase)!, Path.GetFileNameWithoutExtension(appDatabase) + ".jobs.db");
    }
}
