using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Refused demand: how many calls one pool's limit refused on one UTC day. One row per (pool,
/// measure, day), incremented in place by <see cref="RefusalCounter"/>, so a flood of refusals never
/// becomes a flood of rows. <see cref="Measure"/> separates a credits or iaas campaign's governing
/// figure from its volunteer target, as the alert windows do.
/// </summary>
public class PoolRefusalDay
{
    private PoolRefusalDay() { }

    public PoolType PoolType { get; private set; }
    public Guid PoolId { get; private set; }
    public PoolMeasure Measure { get; private set; }
    public DateOnly Day { get; private set; }
    public long Refused { get; private set; }
}
