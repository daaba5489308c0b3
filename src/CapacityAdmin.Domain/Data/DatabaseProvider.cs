namespace CapacityAdmin.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
