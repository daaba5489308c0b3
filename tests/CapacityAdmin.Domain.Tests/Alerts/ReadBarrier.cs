using System.Data.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>
/// Forces racers to interleave: the first <paramref name="parties"/> reads of <paramref name="table"/>
/// each wait, after reading, until all of them have read. Every racer therefore acts on the same
/// stale read, and only the database's conditional statements can keep them apart. (Without it,
/// SQLite's synchronous "async" calls often let one racer finish before the next starts.)
/// </summary>
public sealed class ReadBarrier(string table, int parties) : DbCommandInterceptor
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _arrived);
            if (n <= parties)
            {
                if (n == parties) _all.TrySetResult();
                await _all.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            }
        }
        return result;
    }

    /// <summary>A context factory over the same database with this barrier installed.</summary>
    public IDbContextFactory<CapacityDbContext> Over(IDbContextFactory<CapacityDbContext> database)
    {
        using var probe = database.CreateDbContext();
        var provider = probe.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var builder = new DbContextOptionsBuilder<CapacityDbContext>();
        DbContextOptionsConfigurator.Configure(builder, provider, probe.Database.GetConnectionString()!);
        builder.AddInterceptors(this);
        return new Factory(builder.Options);
    }

    private sealed class Factory(DbContextOptions<CapacityDbContext> options) : IDbContextFactory<CapacityDbContext>
    {
        public CapacityDbContext CreateDbContext() => new(options);
    }
}
