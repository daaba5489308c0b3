using System.Collections.Concurrent;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>The few columns a consumption needs before it starts its transaction.</summary>
internal sealed record CampaignHeader(Guid Id, Guid CompanyId, PricingModel PricingModel, Guid? BundleId)
{
    private const int MaxCached = 200_000;

    /// <summary>
    /// Headers already read, by campaign id (ids are random GUIDs, so one map serves every database of the
    /// process). A campaign's company and pricing model never change and campaigns are never deleted; the
    /// one mutable column, the bundle link, is re-checked by the conditional UPDATE of every consumption
    /// (<c>BundleId = header's</c>), and a refused UPDATE reads the row again, so a stale link costs a retry,
    /// never a wrong decision.
    /// </summary>
    private static readonly ConcurrentDictionary<Guid, CampaignHeader> Cache = new();

    /// <summary>Null when the campaign does not exist or belongs to a company the actor cannot see (404 either way).</summary>
    public static async Task<CampaignHeader?> LoadAsync(CapacityDbContext db, Actor actor, Guid campaignId, CancellationToken ct)
    {
        var header = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId)
            .Select(c => new CampaignHeader(c.Id, c.CompanyId, c.PricingModel, c.BundleId))
            .FirstOrDefaultAsync(ct);
        if (header is not null) Remember(header);
        return header is not null && actor.CanSeeCompany(header.CompanyId) ? header : null;
    }

    /// <summary>The cached header if there is one (see <see cref="Cache"/>), else <see cref="LoadAsync"/>.</summary>
    public static Task<CampaignHeader?> GetAsync(CapacityDbContext db, Actor actor, Guid campaignId, CancellationToken ct) =>
        Cache.TryGetValue(campaignId, out var header)
            ? Task.FromResult(actor.CanSeeCompany(header.CompanyId) ? header : null)
            : LoadAsync(db, actor, campaignId, ct);

    private static void Remember(CampaignHeader header)
    {
        if (Cache.Count >= MaxCached) Cache.Clear();
        Cache[header.Id] = header;
    }
}
