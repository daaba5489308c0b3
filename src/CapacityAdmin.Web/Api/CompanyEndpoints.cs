using System.Security.Claims;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

public static class CompanyEndpoints
{
    public sealed record CreateCompanyRequest(string? Name);

    public static RouteGroupBuilder MapCompanyEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/companies").WithTags("Companies");

        group.MapGet("/", async Task<IResult> (ClaimsPrincipal user, CompanyService companies, int? page, int? pageSize, CancellationToken ct) =>
        {
            var paging = PageRequest.Create(page, pageSize);
            if (!paging.IsSuccess) return ApiProblems.From(paging.Error);
            var all = await companies.ListAsync(user.ToActor(), ct);
            var items = all.Skip(paging.Value.Skip).Take(paging.Value.PageSize).ToList();
            return TypedResults.Ok(new PagedResult<CompanySummary>(items, paging.Value.Page, paging.Value.PageSize, all.Count));
        });

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, CompanyService companies, CancellationToken ct) =>
            ApiResults.Ok(await companies.GetAsync(user.ToActor(), id, ct)));

        group.MapPost("/", async (CreateCompanyRequest body, ClaimsPrincipal user, CompanyService companies, CancellationToken ct) =>
            ApiResults.Map(await companies.CreateAsync(user.ToActor(), body.Name, ct),
                c => TypedResults.Created($"/api/v1/companies/{c.Id}", new { c.Id, c.Name })))
            .RequireAuthorization(ApiPolicies.Manage);

        return api;
    }
}
