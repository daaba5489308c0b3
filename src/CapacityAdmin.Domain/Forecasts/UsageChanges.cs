using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>
/// Usage changes read from the rows that carry timestamps: enrollments (enrolledAt +1, releasedAt -1) and
/// the credit ledger (createdAt, signed cents). Usage at an instant t is usage now minus the net change
/// after t, so only rows newer than t are read (indexes: enrollments (CampaignId, Status, EnrolledAt) and
/// (CampaignId, ReleasedAt); ledger (CampaignId, CreatedAt)). Every query takes a set of campaigns.
/// Sets of ids go as one array parameter (<c>EF.Parameter</c>: json_each on SQLite, an array on PostgreSQL), not one
/// parameter per id: a page of a thousand ids bound by name, and a new statement for every count, cost more than the query.
/// </summary>
internal static class UsageChanges
{
    private static readonly EnrollmentStatus[] AnyStatus = [EnrollmentStatus.Enrolled, EnrollmentStatus.Released];

    /// <summary>Net change in units (places, or credit cents) after <paramref name="after"/>, per campaign; absent means 0.</summary>
    public static async Task<Dictionary<Guid, long>> NetAfterAsync(CapacityDbContext db, CapacityKind kind, IReadOnlyCollection<Guid> campaignIds,
        DateTimeOffset after, CancellationToken ct)
    {
        var net = new Dictionary<Guid, long>();
        if (campaignIds.Count == 0) return net;
        var ids = campaignIds.ToList();
        void Add(Guid id, long units)
        {
            net[id] = net.GetValueOrDefault(id) + units;
        }

        switch (kind)
        {
            case CapacityKind.Credits:
                foreach (var g in await db.CreditLedgerEntries.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.CampaignId) && e.CreatedAt > after)
                             .GroupBy(e => e.CampaignId).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountCents) }).ToListAsync(ct))
                    Add(g.Key, g.Sum);
                break;
            case CapacityKind.Learners:
                foreach (var g in await db.LearnerEnrollments.AsNoTracking()
                             .Where(e => EF.Parameter(ids).Contains(e.CampaignId) && AnyStatus.Contains(e.Status) && e.EnrolledAt > after)
                             .GroupBy(e => e.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                    Add(g.Key, g.N);
                foreach (var g in await db.LearnerEnrollments.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.CampaignId) && e.ReleasedAt > after)
                             .GroupBy(e => e.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                    Add(g.Key, -g.N);
                break;
            default:
                foreach (var g in await db.VolunteerEnrollments.AsNoTracking()
                             .Where(e => EF.Parameter(ids).Contains(e.CampaignId) && AnyStatus.Contains(e.Status) && e.EnrolledAt > after)
                             .GroupBy(e => e.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                    Add(g.Key, g.N);
                foreach (var g in await db.VolunteerEnrollments.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.CampaignId) && e.ReleasedAt > after)
                             .GroupBy(e => e.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                    Add(g.Key, -g.N);
                break;
        }
        return net;
    }

    /// <summary>Every change in (<paramref name="after"/>, <paramref name="upTo"/>] of a set of campaigns, as (instant, units), unordered.</summary>
    public static async Task<List<(DateTimeOffset At, long Units)>> EventsAsync(CapacityDbContext db, CapacityKind kind,
        IReadOnlyCollection<Guid> campaignIds, DateTimeOffset after, DateTimeOffset upTo, CancellationToken ct)
    {
        var events = new List<(DateTimeOffset, long)>();
        if (campaignIds.Count == 0) return events;
        var ids = campaignIds.ToList();
        switch (kind)
        {
            case CapacityKind.Credits:
                events.AddRange((await db.CreditLedgerEntries.AsNoTracking()
                        .Where(e => ids.Contains(e.CampaignId) && e.CreatedAt > after && e.CreatedAt <= upTo)
                        .Select(e => new { e.CreatedAt, e.AmountCents }).ToListAsync(ct))
                    .Select(e => (e.CreatedAt, e.AmountCents)));
                break;
            case CapacityKind.Learners:
                events.AddRange((await db.LearnerEnrollments.AsNoTracking()
                    .Where(e => ids.Contains(e.CampaignId) && AnyStatus.Contains(e.Status) && e.EnrolledAt > after && e.EnrolledAt <= upTo)
                    .Select(e => e.EnrolledAt).ToListAsync(ct)).Select(at => (at, 1L)));
                events.AddRange((await db.LearnerEnrollments.AsNoTracking()
                    .Where(e => ids.Contains(e.CampaignId) && e.ReleasedAt > after && e.ReleasedAt <= upTo)
                    .Select(e => e.ReleasedAt!.Value).ToListAsync(ct)).Select(at => (at, -1L)));
                break;
            default:
                events.AddRange((await db.VolunteerEnrollments.AsNoTracking()
                    .Where(e => ids.Contains(e.CampaignId) && AnyStatus.Contains(e.Status) && e.EnrolledAt > after && e.EnrolledAt <= upTo)
                    .Select(e => e.EnrolledAt).ToListAsync(ct)).Select(at => (at, 1L)));
                events.AddRange((await db.VolunteerEnrollments.AsNoTracking()
                    .Where(e => ids.Contains(e.CampaignId) && e.ReleasedAt > after && e.ReleasedAt <= upTo)
                    .Select(e => e.ReleasedAt!.Value).ToListAsync(ct)).Select(at => (at, -1L)));
                break;
        }
        return events;
    }
}
