using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>The few columns a consumption needs before it starts its transaction.</summary>
internal sealed record CampaignHeader(Guid Id, Guid CompanyId, PricingModel PricingModel, Guid? BundleId)
{
    /// <summary>Null when the campaign does not exist or belongs to a company the actor cannot see (404 either way).</summary>
    public static async Task<CampaignHeader?> LoadAsync(CapacityDbContext db, Actor actor, Guid campaignId, CancellationToken ct)
    {
        var header = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId)
            .Select(c => new CampaignHeader(c.Id, c.CompanyId, c.PricingModel, c.BundleId))
            .FirstOrDefaultAsync(ct);
        return header is not null && actor.CanSeeCompany(header.CompanyId) ? header : null;
    }
}
