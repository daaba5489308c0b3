using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CapacityAdmin.Domain.Data;

/// <summary>
/// SQLite set-up, done as rarely as SQLite allows. <c>journal_mode=WAL</c> is a property of the database
/// file: it is set once per file per process. <c>busy_timeout</c>, <c>synchronous</c> and <c>foreign_keys</c>
/// belong to the physical connection, which Microsoft.Data.Sqlite keeps in its pool across opens: they are
/// set once per physical connection (recognised by its native handle), not on every open. Concurrent
/// writers then queue behind <c>BEGIN IMMEDIATE</c> (and, in this process, behind <see cref="SqliteWriteGate"/>)
/// instead of failing at once with SQLITE_BUSY. <c>wal_autocheckpoint=0</c>: no commit copies the WAL into the
/// database file on its writer's time; <see cref="SqliteCheckpointer"/> does it in the background. <c>journal_size_limit</c>
/// (64 MB): a WAL that a burst grew beyond it is cut back when it next starts again.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string ConnectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;";
    private const string FilePragmas = "PRAGMA journal_mode=WAL; ";

    private static readonly ConcurrentDictionary<string, bool> WalFiles = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<object, object> InitializedHandles = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite) SqliteCheckpointer.Opened(sqlite);
        if (PragmasFor(connection) is not { } pragmas) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite) SqliteCheckpointer.Opened(sqlite);
        if (PragmasFor(connection) is not { } pragmas) return;
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    /// <summary>The pragmas this open still needs, or null when the physical connection already has them.</summary>
    private static string? PragmasFor(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && InitializedHandles.TryGetValue(handle, out _)) return null;
        var file = connection.DataSource;
        return WalFiles.ContainsKey(file) ? ConnectionPragmas : FilePragmas + ConnectionPragmas;
    }

    private static void Remember(DbConnection connection)
    {
        WalFiles.TryAdd(connection.DataSource, true);
        if ((connection as SqliteConnection)?.Handle is { } handle) InitializedHandles.AddOrUpdate(handle, handle);
    }
}
