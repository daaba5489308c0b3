using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Data;

/// <summary>
/// SQLite has one writer per database file. Writers of this process queue here, asynchronously and in
/// arrival order, before they open their <c>BEGIN IMMEDIATE</c> transaction, instead of colliding on the
/// file lock and sleeping in SQLite's busy handler (1, 2, 5, 10 ... ms back-off, which is what made the
/// p99 climb into seconds under 16 concurrent writers). Other processes on the same file are still
/// serialised by SQLite itself (<c>busy_timeout</c>). On PostgreSQL and SQL Server this is a plain
/// <c>BeginTransactionAsync</c>: row locks serialise per pool there, not per database.
/// <para>
/// The gate only orders writers; the limit itself is still enforced by the conditional statements
/// inside the transaction, so a writer that bypasses the gate is queued by SQLite and stays correct.
/// Never begin a gated transaction while holding one (the second would wait for the first forever).
/// </para>
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Begins the write transaction of one operation, behind the per-file gate on SQLite.</summary>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        if (!IsSqlite(database)) return await database.BeginTransactionAsync(ct);
        var connection = (SqliteConnection)database.GetDbConnection();
        var gate = GateOf(connection.DataSource);
        await gate.WaitAsync(ct);
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(ct), gate, connection);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Runs one autocommitted write statement behind the same gate (a plain call elsewhere than SQLite).</summary>
    public static async Task<T> WriteAsync<T>(this DatabaseFacade database, Func<Task<T>> write, CancellationToken ct)
    {
        if (!IsSqlite(database)) return await write();
        var connection = (SqliteConnection)database.GetDbConnection();
        var gate = GateOf(connection.DataSource);
        await gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
            SqliteCheckpointer.WriteDone(connection);
        }
    }

    /// <summary>Runs <paramref name="action"/> while no writer of this process holds the file (the checkpoint's last pass).</summary>
    internal static async Task UnderGateAsync(string dataSource, Func<Task> action)
    {
        var gate = GateOf(dataSource);
        await gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsSqlite(DatabaseFacade database) =>
        ((IDatabaseFacadeDependenciesAccessor)database).Context is CapacityDbContext db ? db.Provider == DatabaseProvider.Sqlite : database.IsSqlite();

    private static SemaphoreSlim GateOf(string dataSource) => Gates.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));

    /// <summary>Forwards to the EF transaction and lets the next writer in as soon as this one commits or rolls back.</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate, SqliteConnection connection) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;

        public void Commit()
        {
            try { inner.Commit(); }
            finally { Release(); }
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            try { await inner.CommitAsync(cancellationToken); }
            finally { Release(); }
        }

        public void Rollback()
        {
            try { inner.Rollback(); }
            finally { Release(); }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            try { await inner.RollbackAsync(cancellationToken); }
            finally { Release(); }
        }

        public void Dispose()
        {
            try { inner.Dispose(); }
            finally { Release(); }
        }

        public async ValueTask DisposeAsync()
        {
            try { await inner.DisposeAsync(); }
            finally { Release(); }
        }

        public DbTransaction Instance => inner.GetDbTransaction();

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            gate.Release();
            SqliteCheckpointer.WriteDone(connection);
        }
    }
}
