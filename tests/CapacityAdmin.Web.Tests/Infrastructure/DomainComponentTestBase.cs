using AngleSharp.Dom;
using Bunit;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Tests.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>
/// bUnit for pages over the real domain: <see cref="ComponentTestBase"/> plus the domain services over a fresh, migrated SQLite
/// file, and MudBlazor's popover and dialog providers rendered beside the page, so menus and dialogs can be clicked through.
/// Arrangements go through the domain services as <see cref="Seeder"/>.
/// </summary>
public abstract class DomainComponentTestBase : ComponentTestBase, IAsyncLifetime
{
    /// <summary>The actor that seeds data; pages under test get theirs from the signed-in test user.</summary>
    protected static readonly Actor Seeder = new("seeder@test.local", Roles.CustomerSuccess, null);

    private CampaignTestDatabase? _database;
    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    protected DomainComponentTestBase()
    {
        // Debounced fields and server grids settle in tens of milliseconds, but a machine shared by many builds can be slow.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public async Task InitializeAsync()
    {
        _database = await CampaignTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = _database.ConnectionString })
            .Build();
        Services.AddCapacityDomain(configuration, Path.GetDirectoryName(_database.Path)!);
        Services.AddScoped<CurrentActor>();
        UseInteractiveServerRenderer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }

    /// <summary>Renders MudBlazor's popover and dialog providers first (as the layout does), then the page.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        _popovers ??= Render<MudPopoverProvider>();
        _dialogs ??= Render<MudDialogProvider>();
        return parameters is null ? Render<TPage>() : Render(parameters);
    }

    /// <summary>Where selects and menus open.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers => _popovers ?? throw new InvalidOperationException("Render the page with RenderPage first.");

    /// <summary>Where dialogs and message boxes open.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("Render the page with RenderPage first.");

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

    /// <summary>Types into the input of the open dialog labelled <paramref name="label"/>.</summary>
    protected void TypeInDialog(string label, string text)
    {
        var dialog = Dialog();
        var labelElement = dialog.QuerySelectorAll("label").First(l => l.TextContent.Trim().StartsWith(label, StringComparison.Ordinal));
        var input = dialog.QuerySelector($"#{labelElement.GetAttribute("for")}") ?? throw new InvalidOperationException($"No input for {label}.");
        input.Input(text);
    }

    /// <summary>A button by its visible text.</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button").First(b => b.TextContent.Trim() == text);

    /// <summary>Clicks the one button whose text is <paramref name="text"/> (waits for it to render).</summary>
    protected static void ClickButton<T>(IRenderedComponent<T> component, string text) where T : IComponent =>
        component.WaitForAssertion(() => component.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    /// <summary>A form field by its domain name (<c>data-field</c>): the input or textarea itself.</summary>
    protected static IElement Field<T>(IRenderedComponent<T> cut, string key) where T : IComponent =>
        cut.FindAll($"input[data-field={key}], textarea[data-field={key}], [data-field={key}] input, [data-field={key}] textarea").First();

    /// <summary>
    /// Types <paramref name="value"/> into a MudBlazor field as a person does: fields that update as you type (Immediate) listen to
    /// input and commit on blur; the others commit on change.
    /// </summary>
    protected static void Enter(IElement field, string value)
    {
        foreach (var dispatch in new Action[] { () => field.Input(value), () => field.Change(value), () => field.Blur() })
        {
            try
            {
                dispatch();
            }
            catch (MissingEventHandlerException)
            {
                // This field does not listen to that event.
            }
        }
    }

    /// <summary>Opens a page at an address with a query string, as a shared link does ([SupplyParameterFromQuery] reads it).</summary>
    protected void NavigateTo(string relative) => Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
}
