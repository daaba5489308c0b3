using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// The repeat window of one (pool, band), enforced by the database: an alert is stored only by the
/// transaction whose conditional UPDATE moved <see cref="LastRaisedAt"/> (see <see cref="AlertEvaluator"/>).
/// Created once, on the first evaluation that reaches the band, and never deleted.
/// </summary>
public class AlertWindow
{
    private AlertWindow() { }

    internal AlertWindow(PoolType poolType, Guid poolId, PoolMeasure measure, string threshold)
    {
        PoolType = poolType;
        PoolId = poolId;
        Measure = measure;
        Threshold = threshold;
    }

    public PoolType PoolType { get; private set; }
    public Guid PoolId { get; private set; }
    public PoolMeasure Measure { get; private set; }
    public string Threshold { get; private set; } = "";

    /// <summary>When the last alert of this (pool, band) was raised; null before the first.</summary>
    public DateTimeOffset? LastRaisedAt { get; private set; }

    public Guid? LastAlertId { get; private set; }

    /// <summary>Set by snoozing an alert of this (pool, band): no new alert before it.</summary>
    public DateTimeOffset? SnoozedUntil { get; private set; }
}
