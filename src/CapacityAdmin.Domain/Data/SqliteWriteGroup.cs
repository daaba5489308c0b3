using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Data;

/// <summary>
/// Group commit for SQLite's one writer. Each call brings a piece of work (the statements of one decision, e.g. one
/// enrollment); the first to arrive leads: it takes the writer gate (<see cref="SqliteWriteGate"/>) and runs every piece
/// queued by then in one transaction, each inside its own savepoint, then commits once and hands the lead to the next
/// queued call. The transaction's begin and commit, and the gate's hand-over between writers, are paid once per group
/// instead of once per call, which is most of what a short write costs behind the gate.
/// <para>
/// Each piece still makes its own atomic decision: its statements run on the group's connection, so they see the
/// writes of the pieces before it, and its savepoint either keeps them (a result) or undoes them (null: the piece
/// declined, for example a refused limit, and its caller decides alone, on its own transaction). A piece that throws
/// is undone and its caller gets the exception; the others go on. Results are answered only after the group's commit;
/// when the commit fails, nothing of the group stays and every caller is told to decide alone (null), so a failure of
/// the group never fails a call. Pieces run on another request's context: they must use only the context they are
/// given, never begin a gated transaction (the leader holds the gate), and not be cancelled half-way (once queued, a
/// piece runs with its group).
/// </para>
/// </summary>
public static class SqliteWriteGroup
{
    /// <summary>At most this many pieces per group, so the first caller of a long queue is not kept waiting for all of it.</summary>
    public const int MaxGroupSize = 64;

    private static readonly ConcurrentDictionary<string, Group> Groups = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="piece"/> in a group on the file of <paramref name="db"/>: its result once the group has
    /// committed, or null when it declined or the group could not commit (then nothing of it was written).
    /// </summary>
    public static Task<T?> RunAsync<T>(CapacityDbContext db, Func<CapacityDbContext, Task<T?>> piece) where T : class =>
        Groups.GetOrAdd(db.Database.GetDbConnection().DataSource, _ => new Group()).RunAsync(db, piece);

    private enum Outcome { Answered, Lead, Alone }

    private sealed class Member(Func<CapacityDbContext, Task<object?>> piece)
    {
        public Func<CapacityDbContext, Task<object?>> Piece { get; } = piece;
        public TaskCompletionSource<Outcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public object? Result { get; set; }
        public ExceptionDispatchInfo? Error { get; set; }
    }

    private sealed class Group
    {
        private readonly GroupQueue<Member> _queue = new();

        public async Task<T?> RunAsync<T>(CapacityDbContext db, Func<CapacityDbContext, Task<T?>> piece) where T : class
        {
            var member = new Member(async g => await piece(g));
            var outcome = _queue.Enqueue(member) ? Outcome.Lead : await member.Done.Task;
            if (outcome == Outcome.Lead) outcome = await LeadAsync(db);
            if (outcome == Outcome.Alone) return null;
            member.Error?.Throw();
            return (T?)member.Result;
        }

        /// <summary>
        /// Runs the queue (which holds the leader's own piece: it was queued first, or was first in the queue when the lead
        /// was handed to it) in one transaction, passes the lead on, answers the group; returns the leader's own outcome.
        /// </summary>
        private async Task<Outcome> LeadAsync(CapacityDbContext db)
        {
            List<Member>? group = null;
            var outcome = Outcome.Answered;
            try
            {
                // The queue is taken once the writer gate is ours: the calls that arrived while we waited join this group.
                await using var tx = await db.Database.BeginWriteTransactionAsync(CancellationToken.None);
                group = _queue.Take(MaxGroupSize);
                foreach (var member in group) await RunPieceAsync(db, tx, member);
                await tx.CommitAsync(CancellationToken.None);
            }
            catch
            {
                group ??= _queue.Take(MaxGroupSize);
                outcome = Outcome.Alone;
            }
            if (_queue.TryPassLead(out var next)) next.Done.SetResult(Outcome.Lead);
            foreach (var member in group) member.Done.TrySetResult(outcome);
            return outcome;
        }

        private static async Task RunPieceAsync(CapacityDbContext db, IDbContextTransaction tx, Member member)
        {
            var connection = db.Database.GetDbConnection();
            await ExecuteAsync("SAVEPOINT piece");
            try
            {
                member.Result = await member.Piece(db);
                await ExecuteAsync(member.Result is null ? "ROLLBACK TO piece; RELEASE piece" : "RELEASE piece");
            }
            catch (Exception e)
            {
                member.Result = null;
                member.Error = ExceptionDispatchInfo.Capture(e);
                // Undone; if even that fails, the commit fails too and the whole group decides alone.
                await ExecuteAsync("ROLLBACK TO piece; RELEASE piece");
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            async Task ExecuteAsync(string sql)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = tx.GetDbTransaction();
                await command.ExecuteNonQueryAsync();
            }
        }
    }
}
