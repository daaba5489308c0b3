using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// The alert-evaluation outbox: one row per pool an accepted consumption pushed into a higher threshold
/// band (its campaign, its bundle), inserted inside the consumption's own transaction. The service
/// evaluates right after the commit and then deletes its rows; a row that outlives that (the process
/// died between the commit and the evaluation, or the evaluation failed) is evaluated and deleted by
/// <see cref="AlertEvaluator.ProcessPendingRequestsAsync"/> (job <c>alert-dispatch</c>, every 30 s).
/// Evaluating a pool twice is harmless: the repeat window in the database lets one alert through.
/// </summary>
public class AlertEvaluationRequest
{
    private AlertEvaluationRequest() { }

    public AlertEvaluationRequest(PoolType poolType, Guid poolId, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        PoolType = poolType;
        PoolId = poolId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public PoolType PoolType { get; private set; }
    public Guid PoolId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Adds (not yet saved) one request per pool a consumption pushed into a higher band (campaign and/or
    /// bundle pools), skipping pools listed in <paramref name="alreadyRequested"/>.
    /// </summary>
    internal static List<AlertEvaluationRequest> AddForPools(CapacityDbContext db, IReadOnlyList<PoolUsage> pools, DateTimeOffset now,
        IReadOnlySet<Guid>? alreadyRequested = null)
    {
        if (pools.Count == 0) return [];
        var added = pools.Where(p => alreadyRequested?.Contains(p.PoolId) != true).Select(p => (p.PoolType, p.PoolId)).Distinct()
            .Select(p => new AlertEvaluationRequest(p.PoolType, p.PoolId, now)).ToList();
        db.AlertEvaluationRequests.AddRange(added);
        return added;
    }

    /// <summary>
    /// Adds (not yet saved) one <see cref="PoolType.LevelCapacity"/> request per level cap a new seat
    /// counts in, pool id = the <see cref="Memberships.LevelCapacity"/> row id. Only unit and NATIONAL
    /// rows: a blanket row caps each unit separately, so its row id names no single pool (the alert's
    /// pool id is derived from the unit, <see cref="AlertPool.LevelCapPoolId"/>); the scan covers those.
    /// </summary>
    internal static List<AlertEvaluationRequest> AddForSeat(CapacityDbContext db, IEnumerable<Memberships.ApplicableCap> caps, DateTimeOffset now)
    {
        var added = caps.Where(c => !c.FromBlanketRow).Select(c => c.LevelCapacityId).Distinct()
            .Select(id => new AlertEvaluationRequest(PoolType.LevelCapacity, id, now)).ToList();
        db.AlertEvaluationRequests.AddRange(added);
        return added;
    }

    /// <summary>
    /// The requests (not added to a context) of a new seat: one per level cap it counts in whose usage, from
    /// <see cref="Memberships.CapUsage.Used"/> (before the seat) to one more, reaches a higher band; unit and NATIONAL rows
    /// only, as in <see cref="AddForSeat"/>. Staying inside a band writes nothing; repeats are the scan's.
    /// </summary>
    internal static List<AlertEvaluationRequest> ForSeatCrossings(IEnumerable<Memberships.CapUsage> capsBefore, IReadOnlyList<AlertBand> bands,
        DateTimeOffset now) =>
        capsBefore.Where(c => !c.Cap.FromBlanketRow && AlertPolicy.CrossesUp(c.Used, c.Used + 1, c.Cap.Capacity, c.Cap.Capacity, bands))
            .Select(c => c.Cap.LevelCapacityId).Distinct()
            .Select(id => new AlertEvaluationRequest(PoolType.LevelCapacity, id, now)).ToList();
}
