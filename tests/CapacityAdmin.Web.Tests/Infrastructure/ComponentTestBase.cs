using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using CapacityAdmin.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>
/// The one bUnit set-up for pages:
/// <list type="bullet">
/// <item>MudBlazor's services with loose JS interop (its components call JS for popovers and scrolling).</item>
/// <item><c>SetRendererInfo(Server, interactive)</c> after every service registration, i.e. just before the first render.</item>
/// </list>
/// Tests add their services in the constructor and render with <see cref="RenderInteractive{TComponent}"/>.
/// </summary>
public abstract class ComponentTestBase : BunitContext
{
    private bool _rendererReady;

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();

        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs the test user in with one role, bound to <paramref name="companyId"/> when given (a company admin).</summary>
    protected void SignInAs(string role, Guid? companyId = null, string? name = null)
    {
        Authorization.SetAuthorized(name ?? $"{role.ToLowerInvariant()}@tests.local");
        Authorization.SetRoles(role);
        if (companyId is { } id) Authorization.SetClaims(new Claim(CapacityClaims.CompanyId, id.ToString()));
    }

    /// <summary>Renders as an interactive Blazor Server component would run.</summary>
    protected IRenderedComponent<TComponent> RenderInteractive<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        UseInteractiveServerRenderer();
        return parameters is null ? Render<TComponent>() : Render(parameters);
    }

    /// <summary>Sets the renderer to interactive Blazor Server; call it after every service registration.</summary>
    protected void UseInteractiveServerRenderer()
    {
        if (_rendererReady) return;
        SetRendererInfo(new RendererInfo("Server", true));
        _rendererReady = true;
    }

    /// <summary>The trimmed text of every element that has text of its own (labels, menu entries, cells).</summary>
    protected static IReadOnlyList<string> TextsOf(INodeList nodes) =>
        nodes.SelectMany(n => n.GetDescendantsAndSelf()).OfType<IElement>()
            .Select(e => string.Concat(e.ChildNodes.OfType<IText>().Select(t => t.Data)).Trim())
            .Where(t => t.Length > 0)
            .ToList();
}
