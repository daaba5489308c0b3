using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>Which pools a consumption just pushed into a higher threshold band (see <see cref="AlertPolicy.CrossesUp"/>).</summary>
internal static class BandCrossing
{
    /// <summary>
    /// The pools, with usage after the consumption, whose usage before it (<paramref name="amount"/> less, in
    /// the pools' own units) was in a lower band.
    /// </summary>
    public static IReadOnlyList<PoolUsage> Crossed(IReadOnlyList<PoolUsage> poolsAfter, decimal amount, IReadOnlyList<AlertBand> bands)
    {
        List<PoolUsage>? crossed = null;
        foreach (var pool in poolsAfter)
            if (AlertPolicy.CrossesUp(pool.Used - amount, pool.Used, pool.Limit, pool.HardLimit, bands))
                (crossed ??= []).Add(pool);
        return crossed ?? (IReadOnlyList<PoolUsage>)[];
    }
}
