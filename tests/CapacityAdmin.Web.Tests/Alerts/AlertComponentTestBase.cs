using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Tests.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CapacityAdmin.Web.Tests.Alerts;

/// <summary>
/// bUnit for the alert pages: the campaign test base (real domain services over a fresh SQLite file, MudBlazor providers,
/// authorization double). Alerts are raised the way production raises them: by enrolling volunteers through
/// <c>EnrollmentService</c>, which evaluates the thresholds after each consumption.
/// </summary>
public abstract class AlertComponentTestBase : CampaignComponentTestBase
{
    /// <summary>A seats campaign of 10 seats with <paramref name="enrolled"/> volunteers: 8 raises the 80 % (info, Sales) alert,
    /// 9 the 90 % (warning, company admins), 10 the 100 % (error, company admins + CS) one.</summary>
    protected async Task<Guid> CampaignWithAlertAsync(Guid companyId, string name, int enrolled)
    {
        var status = await CreateSeatsCampaignAsync(companyId, name, seats: 10, enrolled: enrolled);
        return status.CampaignId;
    }

    protected async Task<AlertView> SingleAlertOfAsync(Guid campaignId)
    {
        var list = await Service<AlertService>().ListAsync(Seeder, new AlertQuery(PoolId: campaignId), new PageRequest());
        Assert.True(list.IsSuccess, list.Error?.Detail);
        return Assert.Single(list.Value.Items);
    }

    /// <summary>
    /// Renders a page the way the router does (<see cref="AuthorizeRouteView"/>), so its <c>[Authorize(Roles = ...)]</c> is
    /// enforced: a role that may not open it gets "Not authorized".
    /// </summary>
    protected IRenderedComponent<AuthorizeRouteView> RenderRoute<TPage>() where TPage : IComponent
    {
        RenderPage<Empty>();
        return Render<AuthorizeRouteView>(p => p
            .Add(x => x.RouteData, new RouteData(typeof(TPage), new Dictionary<string, object?>()))
            .Add(x => x.NotAuthorized, _ => b => b.AddMarkupContent(0, "<p role=\"alert\">Not authorized</p>")));
    }

    /// <summary>The rows of a grid (by its aria-label) with data, as text.</summary>
    protected static List<string> RowsOf<T>(IRenderedComponent<T> cut, string grid) where T : IComponent =>
        cut.FindAll($"[aria-label='{grid}'] tbody tr, .mud-data-grid[aria-label='{grid}'] tbody tr").Select(r => r.TextContent)
            .Where(t => !t.Contains("match.", StringComparison.Ordinal) && !t.Contains("No alerts", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>Radzen notifications, for the alert settings page (ui-shell ports it to MudBlazor).</summary>
    protected IReadOnlyList<string> Notifications() =>
        Service<Radzen.NotificationService>().Messages.Select(m => $"{m.Summary}: {m.Detail}").ToList();

    private sealed class Empty : ComponentBase;
}
