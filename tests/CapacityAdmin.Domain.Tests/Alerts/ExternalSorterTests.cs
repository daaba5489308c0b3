using System.Buffers.Binary;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>The bounded-memory sort behind the upsell CSV's forecast order: runs spill to a temporary file and are merged.</summary>
public class ExternalSorterTests
{
    private static ExternalSorter<long> Sorter(int runSize) =>
        new(runSize, sizeof(long), (v, to) => BinaryPrimitives.WriteInt64LittleEndian(to, v), from => BinaryPrimitives.ReadInt64LittleEndian(from),
            Comparer<long>.Default);

    [Theory]
    [InlineData(7, 1000)] // many runs on disk, the last one partial
    [InlineData(600, 1200)] // runs larger than one read buffer, exactly two on disk and none left in memory
    public void Sorted_ManyRunsOnDisk_SameOrderAsASortInMemory(int runSize, int count)
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, count).Select(_ => random.NextInt64(-500, 500)).ToList();
        using var sorter = Sorter(runSize);

        foreach (var v in values) sorter.Add(v);
        var sorted = sorter.Sorted().ToList();

        Assert.True(sorter.SpilledRuns >= 2);
        Assert.Equal(values.Order().ToList(), sorted);
    }

    [Fact]
    public void Sorted_FewerRecordsThanOneRun_NothingSpilled()
    {
        using var sorter = Sorter(100);

        foreach (var v in new long[] { 5, -1, 3 }) sorter.Add(v);

        Assert.Equal([-1L, 3L, 5L], sorter.Sorted().ToList());
        Assert.Equal(0, sorter.SpilledRuns);
    }
}
