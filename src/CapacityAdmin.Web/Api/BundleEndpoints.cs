using System.Security.Claims;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

public static class BundleEndpoints
{
    public static RouteGroupBuilder MapBundleEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/bundles").WithTags("Bundles");

        group.MapPost("/", async (CreateBundleRequest body, ClaimsPrincipal user, BundleService bundles, CancellationToken ct) =>
                ApiResults.Map(await bundles.CreateAsync(user.ToActor(), body, ct),
                    status => TypedResults.Created($"/api/v1/bundles/{status.BundleId}/capacity", WithId(status))))
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapGet("/", async (ClaimsPrincipal user, BundleService bundles, Guid? companyId, CancellationToken ct) =>
            TypedResults.Ok(await bundles.ListAsync(user.ToActor(), companyId, ct)));

        group.MapGet("/{id:guid}/capacity", async (Guid id, ClaimsPrincipal user, BundleService bundles, CancellationToken ct) =>
            ApiResults.Ok(await bundles.GetStatusAsync(user.ToActor(), id, ct)));

        group.MapPatch("/{id:guid}", async (Guid id, BundleChange body, ClaimsPrincipal user, BundleService bundles, CancellationToken ct) =>
                ApiResults.Ok(await bundles.ChangeAsync(user.ToActor(), id, body, ct)))
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapGet("/{id:guid}/timeline", async (Guid id, ClaimsPrincipal user, BundleService bundles, int? page, int? pageSize, CancellationToken ct) =>
            ApiResults.Ok(await bundles.GetTimelineAsync(user.ToActor(), id, page ?? 1, pageSize ?? 50, ct)));

        return api;
    }

    // The contract answers 201 {id, ...}: the bundle's status with its id first.
    private static object WithId(BundleStatus s) => new
    {
        Id = s.BundleId, s.BundleId, s.CompanyId, s.Name, s.Sku, s.Status, s.Capacity, s.TotalQuota, s.TotalConsumed,
        s.UtilizationPercent, s.SharesTotalPercent, s.SplitValid, s.SplitErrors, s.Campaigns,
    };
}
