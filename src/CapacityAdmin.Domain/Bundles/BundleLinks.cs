using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Bundles;

/// <summary>The checks of linking a campaign to a bundle. Callers hold the bundle's lock.</summary>
internal static class BundleLinks
{
    public static async Task<Result<Bundle>> LoadLinkableAsync(CapacityDbContext db, Actor actor, Guid campaignCompanyId, Guid bundleId,
        CancellationToken ct)
    {
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct);
        if (bundle is null || !actor.CanSeeCompany(bundle.CompanyId) || bundle.CompanyId != campaignCompanyId)
            return DomainError.NotFound(ErrorCodes.BundleNotFound, $"Bundle {bundleId} was not found in the campaign's company.");
        if (!bundle.AcceptsLinks)
            return DomainError.Conflict(ErrorCodes.BundleNotActive,
                $"Bundle '{bundle.Name}' is {AuditValue.Of(bundle.Status)}; only active or trialing bundles accept campaigns.");
        return bundle;
    }

    /// <summary>Refuses a share that would push the bundle's shares (closed campaigns aside) above 100 %.</summary>
    public static async Task<DomainError?> CheckShareAsync(CapacityDbContext db, Guid bundleId, Guid campaignId, decimal share, CancellationToken ct)
    {
        var others = await db.Campaigns.AsNoTracking()
            .Where(c => c.BundleId == bundleId && c.Id != campaignId && c.Status != CampaignStatus.Closed && c.BundleShare != null)
            .Select(c => c.BundleShare!.Value)
            .ToListAsync(ct);
        var total = others.Sum() + share;
        if (!BundlePolicy.ExceedsWhole(total)) return null;
        var detail = FormattableString.Invariant(
            $"The bundle's shares would add up to {CapacityPolicy.Percent(total):0.##}%; at most {CapacityPolicy.Percent(1m - others.Sum()):0.##}% is left.");
        return new DomainError(ErrorKind.Conflict, ErrorCodes.ValidationFailed, detail)
        {
            Errors = new Dictionary<string, string[]> { ["bundleShare"] = [detail] },
        };
    }

    public static DomainError? ValidateShare(decimal share, string field = "bundleShare") =>
        BundlePolicy.IsValidShare(share) ? null : DomainError.Validation(field, "A share is above 0 and at most 1, with at most 6 decimals.");
}
