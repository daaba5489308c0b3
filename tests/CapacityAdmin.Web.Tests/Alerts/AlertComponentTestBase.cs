using Bunit;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Tests.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Tests.Alerts;

/// <summary>
/// bUnit for the alert pages: the campaign test base (real domain services over a fresh SQLite file, Radzen, authorization
/// double, clicks by handler id). Alerts are raised the way production raises them: by enrolling volunteers through
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

    /// <summary>Renders the page under a <see cref="RadzenDialog"/> host, so that its dialogs open in the markup as they would in the app.</summary>
    protected IRenderedComponent<ContainerFragment> RenderWithDialogs<TPage>(IReadOnlyDictionary<string, object?>? parameters = null)
        where TPage : IComponent =>
        Render<ContainerFragment>(c => c.AddChildContent(b =>
        {
            b.OpenComponent<RadzenDialog>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>()) b.AddComponentParameter(2, name, value);
            b.CloseComponent();
        }));

    /// <summary>
    /// Renders a page the way the router does (<see cref="AuthorizeRouteView"/>), so its <c>[Authorize(Roles = ...)]</c> is
    /// enforced: a role that may not open it gets "Not authorized".
    /// </summary>
    protected IRenderedComponent<AuthorizeRouteView> RenderRoute<TPage>() where TPage : IComponent =>
        Render<AuthorizeRouteView>(p => p
            .Add(x => x.RouteData, new RouteData(typeof(TPage), new Dictionary<string, object?>()))
            .Add(x => x.NotAuthorized, _ => b => b.AddMarkupContent(0, "<p role=\"alert\">Not authorized</p>")));

    /// <summary>Picks an option of a Radzen drop-down by the labels of both (its popup list is in the markup; clicked by handler id).</summary>
    protected Task SelectAsync<T>(IRenderedComponent<T> component, string dropDownLabel, string optionLabel) where T : IComponent
    {
        var dropDown = component.Find($"[role=combobox][aria-label='{dropDownLabel}']");
        var list = dropDown.GetAttribute("aria-controls") ?? throw new InvalidOperationException($"{dropDownLabel} names no list.");
        return ClickAsync(component.Find($"[id='{list}'] [role=option][aria-label='{optionLabel}']"));
    }

    protected IReadOnlyList<string> Notifications() =>
        Service<NotificationService>().Messages.Select(m => $"{m.Summary}: {m.Detail}").ToList();
}

/// <summary>Renders its child content: a root for page + dialog host.</summary>
public sealed class ContainerFragment : ComponentBase
{
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
