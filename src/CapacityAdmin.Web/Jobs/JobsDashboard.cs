using CapacityAdmin.Domain.Identity;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CapacityAdmin.Web.Jobs;

/// <summary>
/// The Hangfire dashboard at <c>/admin/hangfire</c>, for Administrators signed in with the app's cookie. Two locks: the
/// endpoint's authorization policy (anonymous users are sent to the sign-in page, other roles to access-denied) and a
/// dashboard filter that checks the role again on every dashboard request. Its actions (trigger, requeue, delete) are
/// POSTs that Hangfire validates with ASP.NET Core antiforgery (the token is in the page; a cross-site POST has none).
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/hangfire";
    public const string PolicyName = "JobsDashboard";

    public static AuthorizationBuilder AddJobsDashboardPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(PolicyName, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser().RequireRole(Roles.Administrator));

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdministratorOnlyFilter()],
            AppPath = "/admin/jobs",
            DashboardTitle = "CapacityAdmin jobs",
            DisplayStorageConnectionString = false,
            IgnoreAntiforgeryToken = false,
        }, endpoints.ServiceProvider.GetRequiredService<JobStorage>()).RequireAuthorization(PolicyName);

    private sealed class AdministratorOnlyFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator);
        }
    }
}
