using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

public sealed record CampaignListItem(Guid Id, string Name, Guid CompanyId, string CompanyName, PricingModel PricingModel, CampaignStatus Status, int TargetVolunteers);

/// <summary>Read-only catalogue of campaigns, filtered to what the actor may see.</summary>
public sealed class CampaignCatalogService(IDbContextFactory<CapacityDbContext> contexts)
{
    public async Task<IReadOnlyList<CampaignListItem>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Campaigns.AsNoTracking();
        if (actor.CompanyId is { } companyId) query = query.Where(c => c.CompanyId == companyId);
        var items = await query
            .Select(c => new CampaignListItem(c.Id, c.Name, c.CompanyId, c.Company!.Name, c.PricingModel, c.Status, c.TargetVolunteers))
            .ToListAsync(ct);
        return items.OrderBy(c => c.CompanyName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
