using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The usage-counter changes outside the consumption hot path (<see cref="ConsumptionStatements"/> does enrollments and
/// consumption): releases, bundle adjustments and row locks. An increment is one conditional UPDATE whose WHERE clause
/// holds the limit check (<c>used + n &lt;= hard_limit</c>), so the check and the write are a single statement: 0 rows
/// affected means refused. Callers run these inside a transaction together with the row they write, and always touch the
/// bundle row before the campaign row (one global lock order, so PostgreSQL never deadlocks).
/// </summary>
internal static class CapacityCounters
{
    public static Task<int> RemoveVolunteersAsync(CapacityDbContext db, Guid campaignId, Guid? bundleId, int count, CancellationToken ct) =>
        db.Campaigns
            .Where(c => c.Id == campaignId && c.BundleId == bundleId && c.VolunteersEnrolled - count >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, c => c.VolunteersEnrolled - count), ct);

    public static Task<int> RemoveLearnersAsync(CapacityDbContext db, Guid campaignId, int count, CancellationToken ct) =>
        db.Campaigns
            .Where(c => c.Id == campaignId && c.LearnersEnrolled - count >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LearnersEnrolled, c => c.LearnersEnrolled - count), ct);

    /// <summary>The bundle as a whole never passes its capacity.</summary>
    public static Task<int> TryAddBundleAsync(CapacityDbContext db, Guid bundleId, int count, CancellationToken ct) =>
        db.Bundles
            .Where(b => b.Id == bundleId && b.VolunteersUsed + count <= b.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.VolunteersUsed, b => b.VolunteersUsed + count), ct);

    /// <summary>Unconditional adjustment (release, close, relink); it may leave a bundle above capacity, as a lowered limit may.</summary>
    public static Task<int> AdjustBundleAsync(CapacityDbContext db, Guid bundleId, int delta, CancellationToken ct) =>
        db.Bundles
            .Where(b => b.Id == bundleId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.VolunteersUsed, b => b.VolunteersUsed + delta), ct);

    /// <summary>Takes the bundle's row lock (a no-op UPDATE) so the rest of the transaction is serialised per bundle.</summary>
    public static Task<int> LockBundleAsync(CapacityDbContext db, Guid bundleId, CancellationToken ct) => AdjustBundleAsync(db, bundleId, 0, ct);

    /// <summary>Takes the campaign's row lock (a no-op UPDATE).</summary>
    public static Task<int> LockCampaignAsync(CapacityDbContext db, Guid campaignId, CancellationToken ct) =>
        db.Campaigns
            .Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, c => c.VolunteersEnrolled), ct);
}
