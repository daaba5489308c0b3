using System.Security.Claims;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

public static class CampaignEndpoints
{
    public sealed record StatusChangeRequest(string? Status, string? Reason);

    public sealed record BundleLinkRequest(Guid BundleId, decimal Share, string? Reason);

    /// <summary>POST /campaigns as sent: <see cref="CreateCampaignRequest"/> with the pricing model optional, so its absence is reported.</summary>
    public sealed record CreateCampaignBody(
        Guid CompanyId, string? Name, PricingModel? PricingModel, int TargetVolunteers, int TargetBeneficiaries,
        int? CommittedSeats = null, decimal? CreditAllocation = null, int? LearnersCommitted = null, Guid? BundleId = null,
        decimal? BundleShare = null, decimal? OveragePercent = null, CampaignStatus? Status = null, DateOnly? StartDate = null,
        DateOnly? EndDate = null);

    public static RouteGroupBuilder MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns");

        group.MapPost("/", async (CreateCampaignBody body, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
            {
                // pricingModel is required by the contract; binding it straight to the domain's non-nullable enum made a
                // missing value silently create a seats campaign.
                if (body.PricingModel is not { } model) return ApiProblems.From(DomainError.Validation("pricingModel", "pricingModel is required."));
                var request = new CreateCampaignRequest(body.CompanyId, body.Name, model, body.TargetVolunteers, body.TargetBeneficiaries,
                    body.CommittedSeats, body.CreditAllocation, body.LearnersCommitted, body.BundleId, body.BundleShare, body.OveragePercent,
                    body.Status, body.StartDate, body.EndDate);
                return ApiResults.Map(await campaigns.CreateAsync(user.ToActor(), request, ct),
                    status => TypedResults.Created($"/api/v1/campaigns/{status.CampaignId}/capacity", status));
            })
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapGet("/", async (ClaimsPrincipal user, CapacityQueryService queries, Guid? companyId, string? model, string? band,
            string? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        {
            var query = BuildQuery(companyId, model, band, status, search, page, pageSize);
            if (!query.IsSuccess) return ApiProblems.From(query.Error);
            return ApiResults.Ok(await queries.ListCampaignStatusesAsync(user.ToActor(), query.Value, ct));
        });

        group.MapGet("/{id:guid}/capacity", async (Guid id, ClaimsPrincipal user, CapacityQueryService queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.GetCampaignStatusAsync(user.ToActor(), id, ct)));

        group.MapPatch("/{id:guid}/capacity", async (Guid id, CampaignLimitChange body, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
                ApiResults.Map(await campaigns.ChangeLimitsAsync(user.ToActor(), id, body, ct), r => TypedResults.Ok(r.Status)))
            .RequireAuthorization(ApiPolicies.Manage);

        // What a PATCH would do, without writing: the same code path as the change.
        group.MapPost("/{id:guid}/capacity/preview", async (Guid id, CampaignLimitChange body, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
                ApiResults.Ok(await campaigns.PreviewLimitChangeAsync(user.ToActor(), id, body, ct)))
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapGet("/{id:guid}/timeline", async (Guid id, ClaimsPrincipal user, CapacityQueryService queries, int? page, int? pageSize, CancellationToken ct) =>
            ApiResults.Ok(await queries.GetTimelineAsync(user.ToActor(), id, page ?? 1, pageSize ?? 50, ct)));

        group.MapPost("/{id:guid}/status", async (Guid id, StatusChangeRequest body, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
            {
                var target = WireNames.Parse<CampaignStatus>(body.Status, "status");
                if (!target.IsSuccess) return ApiProblems.From(target.Error);
                if (target.Value is null) return ApiProblems.From(DomainError.Validation("status", "status is required."));
                return ApiResults.Ok(await campaigns.ChangeStatusAsync(user.ToActor(), id, target.Value.Value, body.Reason, ct));
            })
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapPost("/{id:guid}/bundle-link", async (Guid id, BundleLinkRequest body, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
                ApiResults.Ok(await campaigns.LinkToBundleAsync(user.ToActor(), id, body.BundleId, body.Share, body.Reason, ct)))
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapConsumptionEndpoints();
        return api;
    }

    private static Result<CampaignStatusQuery> BuildQuery(Guid? companyId, string? model, string? band, string? status, string? search, int? page, int? pageSize)
    {
        var paging = PageRequest.Create(page, pageSize);
        if (!paging.IsSuccess) return paging.Error;
        var m = WireNames.Parse<PricingModel>(model, "model");
        if (!m.IsSuccess) return m.Error;
        var b = WireNames.Parse<CapacityBand>(band, "band");
        if (!b.IsSuccess) return b.Error;
        var s = WireNames.Parse<CampaignStatus>(status, "status");
        if (!s.IsSuccess) return s.Error;
        return new CampaignStatusQuery(companyId, m.Value, b.Value, s.Value, search, Page: paging.Value.Page, PageSize: paging.Value.PageSize);
    }
}
