using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// Reads of campaign capacity for pages, the API and jobs: statuses, the filtered list (paged,
/// sorted and filtered in SQL), the timeline, enrollments and the credit ledger. Every read is
/// limited to the companies the actor may see; another company's campaign is "not found".
/// </summary>
public sealed class CapacityQueryService(IDbContextFactory<CapacityDbContext> contexts)
{
    public async Task<Result<CapacityStatus>> GetCampaignStatusAsync(Actor actor, Guid campaignId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null || !actor.CanSeeCompany(campaign.CompanyId) ? CampaignNotFound(campaignId) : CapacityStatus.From(campaign);
    }

    public async Task<Result<PagedResult<CapacityStatus>>> ListCampaignStatusesAsync(Actor actor, CampaignStatusQuery query,
        CancellationToken ct = default)
    {
        var paging = PageRequest.Create(query.Page, query.PageSize);
        if (!paging.IsSuccess) return paging.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);

        var campaigns = db.Campaigns.AsNoTracking();
        if (actor.CompanyId is { } own) campaigns = campaigns.Where(c => c.CompanyId == own);
        if (query.CompanyId is { } company) campaigns = campaigns.Where(c => c.CompanyId == company);
        if (query.Model is { } model) campaigns = campaigns.Where(c => c.PricingModel == model);
        if (query.Status is { } status) campaigns = campaigns.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{query.Search.Trim().ToLower()}%";
            // Contains, case-insensitive, on the campaign's and its company's names (issue #8: search covers company names).
            // The matching companies are one uncorrelated subquery (a few rows), not a join evaluated for every campaign.
            var companies = db.Companies.Where(co => EF.Functions.Like(co.Name.ToLower(), pattern)).Select(co => co.Id);
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern) || companies.Contains(c.CompanyId));
        }

        // The governing usage and limit of each model as SQL expressions (credits in cents).
        var rows = campaigns.Select(c => new
        {
            Campaign = c,
            CompanyName = c.Company!.Name,
            Used = c.PricingModel == PricingModel.Credits ? c.CreditsConsumedCents
                : c.PricingModel == PricingModel.Iaas ? (long)c.LearnersEnrolled : (long)c.VolunteersEnrolled,
            Limit = c.PricingModel == PricingModel.Credits ? (c.CreditAllocationCents ?? 0L)
                : c.PricingModel == PricingModel.Iaas ? (long)(c.LearnersCommitted ?? 0) : (long)c.VolunteerLimit,
        });
        rows = query.Band switch
        {
            CapacityBand.Normal => rows.Where(x => x.Limit <= 0 ? x.Used <= 0 : 5 * x.Used < 4 * x.Limit),
            CapacityBand.Near => rows.Where(x => x.Limit > 0 && 5 * x.Used >= 4 * x.Limit && x.Used < x.Limit),
            CapacityBand.At => rows.Where(x => x.Limit > 0 && x.Used == x.Limit),
            CapacityBand.Overage => rows.Where(x => x.Used > x.Limit),
            _ => rows,
        };

        var total = await rows.CountAsync(ct);
        var ordered = query.Sort switch
        {
            CampaignSort.Company => Order(rows, x => x.CompanyName, query.Descending),
            // Floating point is fine for ordering; decisions never use it.
            CampaignSort.Utilization => Order(rows, x => x.Limit > 0 ? (double)x.Used / x.Limit : (double)x.Used, query.Descending),
            CampaignSort.Status => Order(rows, x => x.Campaign.Status, query.Descending),
            CampaignSort.PricingModel => Order(rows, x => x.Campaign.PricingModel, query.Descending),
            CampaignSort.CreatedAt => Order(rows, x => x.Campaign.CreatedAt, query.Descending),
            _ => Order(rows, x => x.Campaign.Name, query.Descending),
        };
        var page = await ordered.ThenBy(x => x.Campaign.Id)
            .Skip(paging.Value.Skip).Take(paging.Value.PageSize)
            .Select(x => x.Campaign)
            .ToListAsync(ct);
        return new PagedResult<CapacityStatus>(page.Select(CapacityStatus.From).ToList(), paging.Value.Page, paging.Value.PageSize, total);
    }

    public async Task<Result<PagedResult<AuditEntryView>>> GetTimelineAsync(Actor actor, Guid campaignId, int page = 1, int pageSize = 50,
        CancellationToken ct = default)
    {
        var paging = PageRequest.Create(page, pageSize);
        if (!paging.IsSuccess) return paging.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await IsVisibleAsync(db, actor, campaignId, ct)) return CampaignNotFound(campaignId);
        return await TimelinePageAsync(db.CapacityChanges.Where(c => c.CampaignId == campaignId), paging.Value, ct);
    }

    public Task<Result<EnrollmentView>> GetVolunteerEnrollmentAsync(Actor actor, Guid campaignId, string? volunteerId, CancellationToken ct = default) =>
        GetEnrollmentAsync(actor, campaignId, volunteerId, CapacityKind.Volunteers, ct);

    public Task<Result<EnrollmentView>> GetLearnerEnrollmentAsync(Actor actor, Guid campaignId, string? learnerId, CancellationToken ct = default) =>
        GetEnrollmentAsync(actor, campaignId, learnerId, CapacityKind.Learners, ct);

    public Task<Result<PagedResult<EnrollmentView>>> ListVolunteerEnrollmentsAsync(Actor actor, Guid campaignId, EnrollmentStatus? status = null,
        int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        ListEnrollmentsAsync(actor, campaignId, status, CapacityKind.Volunteers, page, pageSize, ct);

    public Task<Result<PagedResult<EnrollmentView>>> ListLearnerEnrollmentsAsync(Actor actor, Guid campaignId, EnrollmentStatus? status = null,
        int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        ListEnrollmentsAsync(actor, campaignId, status, CapacityKind.Learners, page, pageSize, ct);

    /// <summary>The credit ledger, newest first.</summary>
    public async Task<Result<PagedResult<CreditLedgerEntryView>>> ListLedgerAsync(Actor actor, Guid campaignId, int page = 1, int pageSize = 50,
        CancellationToken ct = default)
    {
        var paging = PageRequest.Create(page, pageSize);
        if (!paging.IsSuccess) return paging.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await IsVisibleAsync(db, actor, campaignId, ct)) return CampaignNotFound(campaignId);
        var entries = db.CreditLedgerEntries.AsNoTracking().Where(e => e.CampaignId == campaignId);
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(paging.Value.Skip).Take(paging.Value.PageSize).ToListAsync(ct);
        return new PagedResult<CreditLedgerEntryView>(items.Select(CreditService.View).ToList(), paging.Value.Page, paging.Value.PageSize, total);
    }

    internal static async Task<PagedResult<AuditEntryView>> TimelinePageAsync(IQueryable<CapacityChange> changes, PageRequest paging,
        CancellationToken ct)
    {
        var total = await changes.CountAsync(ct);
        var rows = await changes.AsNoTracking()
            .OrderByDescending(c => c.ChangedAt).ThenBy(c => c.Field)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(ct);
        return new PagedResult<AuditEntryView>(rows.Select(c => c.ToView()).ToList(), paging.Page, paging.PageSize, total);
    }

    private async Task<Result<EnrollmentView>> GetEnrollmentAsync(Actor actor, Guid campaignId, string? externalId, CapacityKind kind,
        CancellationToken ct)
    {
        if (EnrollmentService.NormalizeId(externalId) is not { } id)
            return DomainError.NotFound(ErrorCodes.EnrollmentNotFound, "No enrollment has an empty id.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await IsVisibleAsync(db, actor, campaignId, ct)) return CampaignNotFound(campaignId);
        var enrollment = await EnrollmentService.FindLatestAsync(db, campaignId, id, kind, ct);
        return enrollment is null
            ? DomainError.NotFound(ErrorCodes.EnrollmentNotFound, $"'{id}' has never been enrolled in campaign {campaignId}.")
            : enrollment;
    }

    private async Task<Result<PagedResult<EnrollmentView>>> ListEnrollmentsAsync(Actor actor, Guid campaignId, EnrollmentStatus? status,
        CapacityKind kind, int page, int pageSize, CancellationToken ct)
    {
        var paging = PageRequest.Create(page, pageSize);
        if (!paging.IsSuccess) return paging.Error;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await IsVisibleAsync(db, actor, campaignId, ct)) return CampaignNotFound(campaignId);
        var views = kind == CapacityKind.Volunteers
            ? db.VolunteerEnrollments.AsNoTracking().Where(e => e.CampaignId == campaignId && (status == null || e.Status == status))
                .OrderByDescending(e => e.EnrolledAt).ThenBy(e => e.ExternalId)
                .Select(e => new EnrollmentView(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt))
            : db.LearnerEnrollments.AsNoTracking().Where(e => e.CampaignId == campaignId && (status == null || e.Status == status))
                .OrderByDescending(e => e.EnrolledAt).ThenBy(e => e.ExternalId)
                .Select(e => new EnrollmentView(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt));
        var total = await views.CountAsync(ct);
        var items = await views.Skip(paging.Value.Skip).Take(paging.Value.PageSize).ToListAsync(ct);
        return new PagedResult<EnrollmentView>(items, paging.Value.Page, paging.Value.PageSize, total);
    }

    private static async Task<bool> IsVisibleAsync(CapacityDbContext db, Actor actor, Guid campaignId, CancellationToken ct)
    {
        var companyId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (Guid?)c.CompanyId).FirstOrDefaultAsync(ct);
        return companyId is { } id && actor.CanSeeCompany(id);
    }

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static DomainError CampaignNotFound(Guid id) => DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {id} was not found.");
}
