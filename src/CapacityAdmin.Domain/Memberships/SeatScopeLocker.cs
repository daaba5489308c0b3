using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// Takes the locks that serialise seat scopes, inside the caller's transaction, in the order given
/// (designation scope first, then aggregate-cap scopes sorted: one global order, so no deadlocks).
/// <list type="bullet">
/// <item>SQLite: nothing more to do; <c>BeginTransaction</c> is <c>BEGIN IMMEDIATE</c>, which already
/// serialises every writer of the database.</item>
/// <item>PostgreSQL: a row per scope in <c>SeatScopeLocks</c>, created on first use with
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> and locked with <c>SELECT ... FOR UPDATE</c>.</item>
/// <item>SQL Server: an exclusive transaction-owned application lock per scope (<c>sp_getapplock</c>).</item>
/// </list>
/// </summary>
public static class SeatScopeLocker
{
    public static async Task AcquireAsync(CapacityDbContext db, IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Seat scope locks are taken inside a transaction.");
        if (db.Provider == DatabaseProvider.Sqlite) return;

        foreach (var key in keys)
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"SeatScopeLocks\" (\"ScopeKey\") VALUES ({0}) ON CONFLICT (\"ScopeKey\") DO NOTHING; " +
                    "SELECT \"ScopeKey\" FROM \"SeatScopeLocks\" WHERE \"ScopeKey\" = {0} FOR UPDATE;", [key], ct);
            }
            else if (db.Provider == DatabaseProvider.SqlServer)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;", [key], ct);
            }
            else
            {
                throw new NotSupportedException($"No seat scope locking for provider {db.Database.ProviderName}.");
            }
        }
    }
}
