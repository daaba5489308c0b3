using System.Security.Claims;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Jobs;

namespace CapacityAdmin.Web.Api;

public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");

        group.MapGet("/", async (ClaimsPrincipal user, JobCatalog jobs, CancellationToken ct) =>
                ApiResults.Map(await jobs.ListAsync(user.ToActor(), ct), list => TypedResults.Ok(list.Select(j => new { j.Name, j.Schedule, j.LastRunAt, j.LastOutcome, j.NextRunAt }))))
            .RequireAuthorization(ApiPolicies.StaffRead);

        group.MapPost("/{name}/run", async (string name, ClaimsPrincipal user, JobCatalog jobs, CancellationToken ct) =>
                ApiResults.Ok(await jobs.RunNowAsync(user.ToActor(), name, ct)))
            .RequireAuthorization(ApiPolicies.Administer);

        return api;
    }
}
