using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Data;

/// <summary>
/// Group commit on SQLite: calls queued behind the writer gate run in one transaction, each piece in its own savepoint.
/// The test holds the gate while it queues the calls (a call is queued before <c>RunAsync</c> returns), so they form one group.
/// </summary>
public sealed class SqliteWriteGroupTests() : DatabaseTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task QueuedCalls_OneDeclinesOneThrows_TheOthersCommitTogetherAndEachGetsItsOwnAnswer()
    {
        // Arrange
        await CreateTablesAsync();
        await using var holder = Database.CreateDbContext();
        var gate = await holder.Database.BeginWriteTransactionAsync(CancellationToken.None);
        var contexts = Enumerable.Range(0, 5).Select(_ => Database.CreateDbContext()).ToList();
        var connections = new List<object>();

        // Act: five calls queue behind the held gate; piece 2 declines, piece 3 fails, both after writing
        var calls = contexts.Select((db, i) => SqliteWriteGroup.RunAsync(db, async g =>
        {
            connections.Add(g.Database.GetDbConnection());
            await g.Database.ExecuteSqlRawAsync("INSERT INTO \"GroupRows\" (\"Id\") VALUES ({0})", $"row-{i}");
            if (i == 3) throw new InvalidOperationException("piece 3 failed");
            return i == 2 ? null : $"answer-{i}";
        })).ToList();
        await gate.RollbackAsync();

        // Assert: each call its own answer; the kept pieces committed, the declined and failed ones undone
        Assert.Equal(new[] { "answer-0", "answer-1", null }, await Task.WhenAll(calls[0], calls[1], calls[2]));
        Assert.Equal("piece 3 failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => calls[3])).Message);
        Assert.Equal("answer-4", await calls[4]);
        Assert.Equal(["row-0", "row-1", "row-4"], await RowsAsync());
        Assert.Single(connections.Distinct());
        foreach (var db in contexts) await db.DisposeAsync();
    }

    [Fact]
    public async Task GroupCommitFails_EveryCallerIsToldToDecideAlone_AndNothingOfTheGroupStays()
    {
        // Arrange: a deferred foreign key, checked only at COMMIT
        await CreateTablesAsync();
        await using var holder = Database.CreateDbContext();
        var gate = await holder.Database.BeginWriteTransactionAsync(CancellationToken.None);
        var contexts = Enumerable.Range(0, 4).Select(_ => Database.CreateDbContext()).ToList();

        // Act: piece 0 leaves a dangling reference that fails the group's commit
        var calls = contexts.Select((db, i) => SqliteWriteGroup.RunAsync(db, async g =>
        {
            await g.Database.ExecuteSqlRawAsync("INSERT INTO \"GroupRows\" (\"Id\", \"Parent\") VALUES ({0}, {1})",
                $"row-{i}", i == 0 ? "no-such-parent" : null!);
            return $"answer-{i}";
        })).ToList();
        await gate.RollbackAsync();

        // Assert
        Assert.All(await Task.WhenAll(calls), Assert.Null);
        Assert.Empty(await RowsAsync());
        foreach (var db in contexts) await db.DisposeAsync();
    }

    private async Task CreateTablesAsync()
    {
        await using var db = Database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE \"GroupParents\" (\"Id\" TEXT PRIMARY KEY); " +
            "CREATE TABLE \"GroupRows\" (\"Id\" TEXT PRIMARY KEY, \"Parent\" TEXT NULL REFERENCES \"GroupParents\" (\"Id\") DEFERRABLE INITIALLY DEFERRED);");
    }

    private async Task<List<string>> RowsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("SELECT \"Id\" AS \"Value\" FROM \"GroupRows\" ORDER BY \"Id\"").ToListAsync();
    }
}
