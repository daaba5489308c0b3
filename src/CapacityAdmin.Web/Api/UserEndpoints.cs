using System.Security.Claims;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

public static class UserEndpoints
{
    public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Role, Guid? CompanyId);

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(ApiPolicies.Administer);

        group.MapGet("/", async (ClaimsPrincipal user, UserAdminService users, CancellationToken ct) => ApiResults.Ok(await users.ListAsync(user.ToActor(), ct)));

        // The temporary password is returned once; the person changes it after the first sign-in.
        group.MapPost("/", async (CreateUserRequest body, ClaimsPrincipal user, UserAdminService users, CancellationToken ct) =>
            ApiResults.Map(await users.CreateAsync(user.ToActor(), body.Email, body.DisplayName, body.Role, body.CompanyId, ct),
                created => TypedResults.Created($"/api/v1/users/{created.User.Id}", new
                {
                    created.User.Id, created.User.Email, created.User.Role, created.User.CompanyId, created.TemporaryPassword,
                })));

        return api;
    }
}
