using System.Buffers.Binary;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Tests.Support;

namespace CapacityAdmin.Domain.Tests.Data;

/// <summary>
/// No commit checkpoints the WAL itself (<c>wal_autocheckpoint=0</c>), so the background checkpoint is all that keeps the
/// WAL from holding every commit ever made. A complete checkpoint lets the next writer start the WAL again from its
/// beginning, which SQLite records by raising the checkpoint sequence number in the WAL file's header (offset 12).
/// </summary>
public sealed class SqliteCheckpointerTests() : DatabaseTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task ThousandsOfEnrollments_CheckpointedInTheBackground_WalStartsAgainFromItsBeginning()
    {
        // Arrange: one campaign with room for all of them; its first enrollment creates the WAL
        var company = await NewCompanyAsync();
        var campaign = await NewCampaignAsync(company, seats: 100_000);
        await EnrollVolunteersAsync(campaign.CampaignId, 1, "first");
        var wal = ((SqliteTestDatabase)Database).FilePath + "-wal";
        var before = CheckpointSequence(wal);

        // Act: every item of a bulk call is its own decision behind the writer gate
        var commits = SqliteCheckpointer.CommitsPerCheckpoint * 4;
        var ids = Enumerable.Range(0, commits).Select(i => (string?)$"v-{i}").ToList();
        Assert.Equal(commits, Ok(await Enrollments.BulkEnrollVolunteersAsync(Admin, campaign.CampaignId, ids)).Accepted);

        // Assert: the checkpoint they triggered completes in the background, and a later writer restarts the WAL. (A
        // machine busy with other tests may run it late; nothing else in this test checkpoints, so it never passes alone.)
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var writes = 0;
        while (CheckpointSequence(wal) == before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The WAL was never started again after {commits + writes:N0} commits.");
            await Task.Delay(50);
            await EnrollVolunteersAsync(campaign.CampaignId, 1, $"later-{writes++}");
        }
    }

    private static uint CheckpointSequence(string wal)
    {
        using var file = new FileStream(wal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        file.ReadExactly(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }
}
