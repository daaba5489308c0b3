using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

public static class ApiEndpoints
{
    /// <summary>Maps <c>/api/v1</c>: every endpoint needs an API key; each group narrows the roles further.</summary>
    public static IEndpointRouteBuilder MapCapacityApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicies.Read);
        v1.MapCompanyEndpoints();
        v1.MapBundleEndpoints();
        v1.MapCampaignEndpoints();
        v1.MapUserEndpoints();
        v1.MapJobEndpoints();

        // An unknown API path is a 404 problem, not the UI's redirect to the login page.
        app.MapFallback("/api/{**path}", () => ApiProblems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "There is no such API endpoint."))
            .AllowAnonymous();
        return app;
    }
}
