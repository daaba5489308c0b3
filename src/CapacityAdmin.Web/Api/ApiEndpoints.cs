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
        v1.MapForecastEndpoints();
        v1.MapAlertEndpoints();
        v1.MapUserEndpoints();
        v1.MapJobEndpoints();
        v1.MapGeographyEndpoints();
        v1.MapMembershipEndpoints();
        v1.MapSettingsEndpoints();

        // Unknown API routes, wrong verbs and wrong content types answer problem documents: see ApiRequestGuard.
        return app;
    }
}
