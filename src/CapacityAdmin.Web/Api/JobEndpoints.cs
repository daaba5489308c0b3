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

        group.MapGet("/", async (JobCatalog jobs, CancellationToken ct) =>
                TypedResults.Ok((await jobs.ListAsync(ct)).Select(j => new { j.Name, j.Schedule, j.LastRunAt, j.LastOutcome, j.NextRunAt })))
            .RequireAuthorization(ApiPolicies.StaffRead);

        group.MapPost("/{name}/run", async (string name, ClaimsPrincipal user, JobCatalog jobs, CancellationToken ct) =>
                ApiResults.Ok(await jobs.RunNowAsync(name, user.Identity?.Name ?? "api", ct)))
            .RequireAuthorization(ApiPolicies.Administer);

        return api;
    }
}
