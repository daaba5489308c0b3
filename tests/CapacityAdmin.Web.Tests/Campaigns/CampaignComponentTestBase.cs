using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Radzen;
using Rect = Radzen.Blazor.Rendering.Rect;

namespace CapacityAdmin.Web.Tests.Campaigns;

/// <summary>
/// bUnit set-up for the campaign pages (see docs/toolchain.md, "bunit"): the real domain services over a fresh,
/// migrated SQLite file, Radzen's services and JS calls, bunit's authorization double and MudBlazor's services.
/// </summary>
public abstract class CampaignComponentTestBase : BunitContext, IAsyncLifetime
{
    /// <summary>The actor that seeds data; pages under test get theirs from the signed-in test user.</summary>
    protected static readonly Actor Seeder = new("seeder@test.local", Roles.CustomerSuccess, null);

    private CampaignTestDatabase? _database;

    protected CampaignComponentTestBase()
    {
        // Debounced fields and server grids settle in tens of milliseconds, but a machine shared by many builds can be slow.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Auth = AddAuthorization();
    }

    protected BunitAuthorizationContext Auth { get; }

    public async Task InitializeAsync()
    {
        _database = await CampaignTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = _database.ConnectionString })
            .Build();
        Services.AddCapacityDomain(configuration, Path.GetDirectoryName(_database.Path)!);
        Services.AddScoped<CurrentActor>();
        Services.AddRadzenComponents();
        Services.AddMudServices();

        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rect>("Radzen.createGauge", _ => true).SetResult(new Rect { Width = 240, Height = 140 });
        JSInterop.Setup<Rect>("Radzen.createChart", _ => true).SetResult(new Rect { Width = 240, Height = 140 });
        SetRendererInfo(new RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Renders MudBlazor's popover and dialog providers first (selects, menus and dialogs render there, as in the layout),
    /// then the page. <see cref="Providers"/> holds them for queries of dialog content.
    /// </summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Providers ??= Render<MudPopoverProvider>();
        _dialogs ??= Render<MudDialogProvider>();
        return parameters is null ? Render<TPage>() : Render(parameters);
    }

    protected IRenderedComponent<MudPopoverProvider>? Providers { get; private set; }

    /// <summary>A form field by its domain name (<c>data-field</c>): the input or textarea itself.</summary>
    protected static IElement Field<T>(IRenderedComponent<T> cut, string key) where T : IComponent =>
        cut.FindAll($"input[data-field={key}], textarea[data-field={key}], [data-field={key}] input, [data-field={key}] textarea").First();

    /// <summary>
    /// Types <paramref name="value"/> into a MudBlazor field as a person does: fields that update as you type (Immediate) listen to
    /// input and commit on blur; the others commit on change.
    /// </summary>
    protected static void Enter(IElement field, string value)
    {
        try
        {
            field.Change(value);
        }
        catch (MissingEventHandlerException)
        {
            field.Input(value);
            field.Blur();
        }
    }

    /// <summary>Opens a page at an address with a query string, as a shared link does ([SupplyParameterFromQuery] reads it).</summary>
    protected void NavigateTo(string relative) => Services.GetRequiredService<NavigationManager>().NavigateTo(relative);

    /// <summary>A button by its visible text.</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button").First(b => b.TextContent.Trim() == text);

    private IRenderedComponent<MudDialogProvider>? _dialogs;

    /// <summary>MudBlazor's dialog host, rendered by <see cref="RenderPage{TPage}"/>: dialogs and message boxes open here.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("Render the page with RenderPage first.");

    /// <summary>Signs the test user in with one role and, for a company admin, its company claim.</summary>
    protected void SignInAs(string role, Guid? companyId = null, string name = "user@test.local")
    {
        Auth.SetAuthorized(name);
        Auth.SetRoles(role);
        if (companyId is { } id) Auth.SetClaims(new Claim(CapacityClaims.CompanyId, id.ToString()));
    }

    protected async Task<Guid> CreateCompanyAsync(string name)
    {
        var company = await Service<CompanyService>().CreateAsync(Actor.System, name);
        Assert.True(company.IsSuccess, company.Error?.Detail);
        return company.Value.Id;
    }

    /// <summary>A seats campaign with <paramref name="enrolled"/> active volunteers, enrolled through the domain.</summary>
    protected async Task<CapacityStatus> CreateSeatsCampaignAsync(Guid companyId, string name, int seats, int enrolled)
    {
        var created = await Service<CampaignService>().CreateAsync(Seeder,
            new CreateCampaignRequest(companyId, name, PricingModel.Seats, TargetVolunteers: seats, TargetBeneficiaries: 100, CommittedSeats: seats));
        Assert.True(created.IsSuccess, created.Error?.Detail);
        if (enrolled > 0)
        {
            var ids = Enumerable.Range(1, enrolled).Select(i => (string?)$"volunteer-{i}").ToList();
            var bulk = await Service<EnrollmentService>().BulkEnrollVolunteersAsync(Seeder, created.Value.CampaignId, ids);
            Assert.True(bulk.IsSuccess, bulk.Error?.Detail);
            Assert.Equal(enrolled, bulk.Value.Accepted);
        }
        var status = await Service<CapacityQueryService>().GetCampaignStatusAsync(Seeder, created.Value.CampaignId);
        return status.Value!;
    }

    /// <summary>Clicks through the renderer by handler id. Kept for the Radzen pages not ported yet (alert settings); ported tests use bunit's Click().</summary>
    protected Task ClickAsync(IElement element)
    {
        var handler = element.GetAttribute("blazor:onclick") ?? throw new InvalidOperationException($"{element.OuterHtml} has no click handler.");
#pragma warning disable BL0006 // EventFieldInfo is the renderer's own type; bunit's Click() is what is missing here.
        return Renderer.Dispatcher.InvokeAsync(() =>
            Renderer.DispatchEventAsync(ulong.Parse(handler, System.Globalization.CultureInfo.InvariantCulture), new EventFieldInfo(), new MouseEventArgs()));
#pragma warning restore BL0006
    }
}
