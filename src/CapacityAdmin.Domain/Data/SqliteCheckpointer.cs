using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CapacityAdmin.Domain.Data;

/// <summary>
/// Moves SQLite's WAL checkpoints off the writers' path. By default the commit that pushes the WAL past 1,000 pages
/// copies them into the database file before it returns, while its writer still holds <see cref="SqliteWriteGate"/>:
/// every writer queued behind it waits for the copy (the long tail of enrollment latency under load). The app's
/// connections switch that off (<c>wal_autocheckpoint=0</c>, <see cref="SqlitePragmaInterceptor"/>) and a background
/// checkpoint runs per database file instead, after every <see cref="CommitsPerCheckpoint"/> gated writes or, for
/// ungated writes and quiet periods, when a connection opens at least <see cref="MaxInterval"/> after the last one.
/// <para>
/// A checkpoint has two passes: a passive one beside the writers, which copies almost everything, then a passive one
/// behind the gate, which copies the few pages written meanwhile, so the checkpoint is complete and the next writer
/// starts the WAL again from its beginning (the file stays bounded). Durability is unchanged: a commit is in the WAL
/// either way, and SQLite replays the WAL on the next open after a crash.
/// </para>
/// </summary>
public static class SqliteCheckpointer
{
    public const int CommitsPerCheckpoint = 500;
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, FileState> Files = new(StringComparer.Ordinal);

    /// <summary>Called after each write behind the gate; starts a checkpoint every <see cref="CommitsPerCheckpoint"/> writes.</summary>
    internal static void WriteDone(SqliteConnection connection)
    {
        var file = State(connection);
        if (Interlocked.Increment(ref file.Writes) >= CommitsPerCheckpoint) Start(file, connection.ConnectionString);
    }

    /// <summary>Called when a connection opens; starts a checkpoint when none ran for <see cref="MaxInterval"/>.</summary>
    internal static void Opened(SqliteConnection connection)
    {
        var file = State(connection);
        if (Stopwatch.GetElapsedTime(Volatile.Read(ref file.LastStarted)) >= MaxInterval) Start(file, connection.ConnectionString);
    }

    private static FileState State(SqliteConnection connection) => Files.GetOrAdd(connection.DataSource, _ => new FileState());

    private static void Start(FileState file, string connectionString)
    {
        if (Interlocked.CompareExchange(ref file.Running, 1, 0) != 0) return;
        Interlocked.Exchange(ref file.Writes, 0);
        Volatile.Write(ref file.LastStarted, Stopwatch.GetTimestamp());
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await PassiveAsync(connection);
                await SqliteWriteGate.UnderGateAsync(connection.DataSource, () => PassiveAsync(connection));
            }
            catch (SqliteException)
            {
                // Busy or gone (a test deleting its file): the next trigger tries again; the WAL only grows meanwhile.
            }
            finally
            {
                Volatile.Write(ref file.Running, 0);
            }
        });
    }

    private static async Task PassiveAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FileState
    {
        public int Writes;
        public int Running;
        public long LastStarted = Stopwatch.GetTimestamp();
    }
}
