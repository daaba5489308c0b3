using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Data;

/// <summary>
/// No commit checkpoints the WAL itself (<c>wal_autocheckpoint=0</c>), so the background checkpoint is all that keeps the
/// WAL from holding every commit ever made: after it, the next writer starts the WAL again from its beginning.
/// </summary>
public sealed class SqliteCheckpointerTests() : DatabaseTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task ThousandsOfEnrollments_CheckpointedInTheBackground_WalStaysSmallerThanTheirPages()
    {
        // Arrange: one campaign with room for all of them
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 100_000);
        var commits = SqliteCheckpointer.CommitsPerCheckpoint * 12;
        var ids = Enumerable.Range(0, commits).Select(i => (string?)$"v-{i}").ToList();

        // Act: every item of a bulk call is its own transaction behind the writer gate
        var result = Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, ids));

        // Assert: each commit writes at least the campaign's page and the enrollment's, so a WAL never checkpointed would
        // hold at least two frames per commit (about 7 in fact); one that starts again after each checkpoint holds the
        // frames of about CommitsPerCheckpoint commits.
        Assert.Equal(commits, result.Accepted);
        var frame = 24 + await PageSizeAsync();
        var walBytes = new FileInfo(((SqliteTestDatabase)Database).FilePath + "-wal").Length;
        Assert.True(walBytes < 2 * commits * frame, $"The WAL is {walBytes:N0} bytes after {commits:N0} commits of at least 2 frames of {frame:N0} bytes.");
    }

    private async Task<long> PageSizeAsync()
    {
        await using var db = Database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
