using System.Security.Claims;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

/// <summary>What membership seats are made of: geography, cells, designations and aggregate level caps.</summary>
public static class GeographyEndpoints
{
    public static IEndpointRouteBuilder MapGeographyEndpoints(this IEndpointRouteBuilder v1)
    {
        v1.MapPut("/geography", async (GeographyUpsertRequest body, ClaimsPrincipal user, GeographyService geography, CancellationToken ct) =>
            ApiResults.Ok(await geography.UpsertAsync(user.ToActor(), body, ct))).RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapPost("/cells", async (CellRequest body, ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            ApiResults.Map(await catalog.CreateCellAsync(user.ToActor(), body.Code, body.Name, body.IsActive, ct),
                c => TypedResults.Created($"/api/v1/cells/{Uri.EscapeDataString(c.Code)}", c)))
            .RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapPost("/designations", async (CreateDesignationBody body, ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            ApiResults.Map(await catalog.CreateDesignationAsync(user.ToActor(),
                    new CreateDesignationRequest(body.Code, body.Name, body.DefaultCapacity, body.Fee, body.ValidityDays, body.Rank), ct),
                d => TypedResults.Created($"/api/v1/designations/{Uri.EscapeDataString(d.Code)}", DesignationResponse.From(d))))
            .RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapPatch("/designations/{code}", async (string code, UpdateDesignationBody body, ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            ApiResults.Map(await catalog.UpdateDesignationAsync(user.ToActor(), code,
                    new UpdateDesignationRequest(body.DefaultCapacity, body.Fee, body.ValidityDays, body.Reason, body.Name, body.Rank), ct),
                d => TypedResults.Ok(DesignationResponse.From(d))))
            .RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapPut("/designations/{code}/levels/{level}", async Task<IResult> (string code, string level, DesignationLevelBody body, ClaimsPrincipal user,
                MembershipCatalogService catalog, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (MembershipParsing.ParseLevel(level, "level", errors) is not { } parsed)
                    return ApiProblems.From(DomainError.Validation("The level is not valid.", errors));
                return ApiResults.Map(await catalog.SetDesignationLevelCapacityAsync(user.ToActor(), code, parsed, body.Capacity, body.Reason, ct),
                    d => TypedResults.Ok(DesignationResponse.From(d)));
            })
            .RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapPut("/level-capacities", async Task<IResult> (LevelCapacityBody body, ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                MembershipParsing.RequireCode(body.Cell, "cell", errors);
                if (MembershipParsing.ParseLevel(body.Level, "level", errors) is not { } level || errors.Count > 0)
                    return ApiProblems.From(DomainError.Validation("The level capacity is not valid.", errors));
                var key = new LevelCapacityKey(body.Cell, level, body.Zone, body.State, body.District, body.Mandal);
                return ApiResults.Map(await catalog.UpsertLevelCapacityAsync(user.ToActor(), new LevelCapacityRequest(key, body.Capacity, body.Reason), ct),
                    v => TypedResults.Ok(LevelCapacityResponse.From(v)));
            })
            .RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapDelete("/level-capacities", async Task<IResult> (string? cell, string? level, string? zone, string? state, string? district, string? mandal, string? reason,
                ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                MembershipParsing.RequireCode(cell, "cell", errors);
                if (MembershipParsing.ParseLevel(level, "level", errors) is not { } parsed || errors.Count > 0)
                    return ApiProblems.From(DomainError.Validation("The level capacity is not valid.", errors));
                return ApiResults.Map(await catalog.DeleteLevelCapacityAsync(user.ToActor(), new LevelCapacityKey(cell, parsed, zone, state, district, mandal), reason, ct),
                    _ => TypedResults.NoContent());
            })
            .RequireAuthorization(ApiPolicies.Manage).WithTags("Memberships");

        v1.MapGet("/level-capacities", async Task<IResult> (string? cell, string? level, int? page, int? pageSize, ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            {
                Level? parsed = null;
                if (!string.IsNullOrWhiteSpace(level))
                {
                    var errors = new Dictionary<string, string[]>();
                    parsed = MembershipParsing.ParseLevel(level, "level", errors);
                    if (parsed is null) return ApiProblems.From(DomainError.Validation("The level is not valid.", errors));
                }
                var paging = PageRequest.Create(page, pageSize);
                if (!paging.IsSuccess) return ApiProblems.From(paging.Error);
                return ApiResults.Map(await catalog.ListLevelCapacitiesAsync(user.ToActor(), cell, parsed, paging.Value, ct), p => TypedResults.Ok(
                    new PagedResult<LevelCapacityResponse>(p.Items.Select(LevelCapacityResponse.From).ToList(), p.Page, p.PageSize, p.Total)));
            })
            .WithTags("Memberships");

        return v1;
    }
}
