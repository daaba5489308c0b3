using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Tests.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CapacityAdmin.Web.Tests.Memberships;

/// <summary>
/// bUnit for the membership pages on MudBlazor: the real domain services over a fresh, migrated SQLite file, bunit's
/// authorization double, MudBlazor's services (loose JS interop) and its dialog / popover / snackbar providers rendered
/// beside the page, so dialogs and menus can be clicked through. Arrangements go through the domain services.
/// </summary>
public abstract class MembershipComponentTestBase : BunitContext, IAsyncLifetime
{
    protected static readonly Actor Seeder = new("seeder@test.local", Roles.CustomerSuccess, null);

    private CampaignTestDatabase? _database;
    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    protected MembershipComponentTestBase()
    {
        Auth = AddAuthorization();
        // Several test processes share two cores: a render can take longer than bunit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
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
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected void SignInAs(string role, string name = "user@test.local", Guid? companyId = null)
    {
        Auth.SetAuthorized(name);
        Auth.SetRoles(role);
        if (companyId is { } id) Auth.SetClaims(new Claim(CapacityClaims.CompanyId, id.ToString()));
    }

    /// <summary>Renders the page after MudBlazor's dialog and popover providers (where dialogs and menus appear).</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return parameters is null ? Render<TPage>() : Render(parameters);
    }

    protected IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("Render the page first.");

    protected IRenderedComponent<MudPopoverProvider> Popovers => _popovers ?? throw new InvalidOperationException("Render the page first.");

    /// <summary>The open dialog (waits for it).</summary>
    protected IElement Dialog()
    {
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("[role=dialog]")));
        return Dialogs.FindAll("[role=dialog]").Last();
    }

    /// <summary>Clicks the button of the open dialog whose text is <paramref name="text"/>.</summary>
    protected void ClickDialogButton(string text) =>
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("[role=dialog]").Last().QuerySelectorAll("button")
            .Single(b => b.TextContent.Trim() == text).Click());

    protected static void ClickButton<T>(IRenderedComponent<T> component, string text) where T : IComponent =>
        component.WaitForAssertion(() => component.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    /// <summary>Types into the input of the open dialog labelled <paramref name="label"/>.</summary>
    protected void TypeInDialog(string label, string text)
    {
        var dialog = Dialog();
        var labelElement = dialog.QuerySelectorAll("label").First(l => l.TextContent.Trim().StartsWith(label, StringComparison.Ordinal));
        var input = dialog.QuerySelector($"#{labelElement.GetAttribute("for")}") ?? throw new InvalidOperationException($"No input for {label}.");
        input.Input(text);
    }

    protected async Task ArrangeGeographyAsync()
    {
        var result = await Service<GeographyService>().UpsertAsync(Seeder, new GeographyUpsertRequest(
            [new StateInput("KA", "Karnataka", "SOUTH"), new StateInput("DL", "Delhi", "NORTH")],
            [new DistrictInput("KA-BLR", "Bengaluru", "KA")],
            [new MandalInput("KA-BLR-M1", "Anekal", "KA-BLR")]));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task CreateCellAsync(string code, string name, bool isActive = true) =>
        Ok(await Service<MembershipCatalogService>().CreateCellAsync(Seeder, code, name, isActive));

    protected async Task CreateDesignationAsync(string code, string name, int capacity, decimal fee = 0m) =>
        Ok(await Service<MembershipCatalogService>().CreateDesignationAsync(Seeder, new CreateDesignationRequest(code, name, capacity, fee)));

    protected async Task SetCapAsync(string cell, Level level, string? zone, int capacity) =>
        Ok(await Service<MembershipCatalogService>().UpsertLevelCapacityAsync(Seeder,
            new LevelCapacityRequest(new LevelCapacityKey(cell, level, Zone: zone), capacity, "test arrangement")));

    protected async Task<MembershipView> JoinAsync(string memberRef, string cell, string designation, Level level, string? zone, bool activate = true) =>
        Ok(await Service<MembershipService>().JoinAsync(Seeder,
            new JoinMembershipRequest(memberRef, new MembershipScope(cell, designation, level, zone), Activate: activate))).Membership;

    protected async Task<IReadOnlyList<LevelCapacityView>> CapsAsync(string cell, Level level) =>
        Ok(await Service<MembershipCatalogService>().ListLevelCapacitiesAsync(Seeder, cell, level, new PageRequest(1, 100))).Items;

    protected async Task<MembershipView> MembershipAsync(Guid id) => Ok(await Service<MembershipService>().GetAsync(Seeder, id));

    protected static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }
}
