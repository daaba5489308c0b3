using System.Net;
using System.Text.RegularExpressions;
using CapacityAdmin.Domain.Alerts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

/// <summary>Renders the alert templates (<see cref="AlertEmailHtml"/>, <see cref="AlertEmailText"/>) outside any circuit with <see cref="HtmlRenderer"/>.</summary>
public sealed partial class AlertEmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory, IOptions<EmailOptions> options)
{
    public async Task<EmailMessage> RenderAsync(AlertEmail email)
    {
        var view = AlertEmailView.From(email.Model, options.Value.LinkBaseUrl!);
        var parameters = new Dictionary<string, object?> { [nameof(AlertEmailHtml.View)] = view };
        var html = await RenderAsync<AlertEmailHtml>(parameters);
        var text = ToPlainText(await RenderAsync<AlertEmailText>(parameters));
        return new EmailMessage(email.ToAddress, view.Subject, html, text);
    }

    private async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        // A scope of its own: the renderer resolves scoped services (ComponentsActivitySource in a Razor components host),
        // which the root provider refuses when scopes are validated (Development) and would otherwise keep alive forever.
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// The text component holds no markup, so decoding the renderer's HTML encoding gives the text back; then tidy the
    /// lines (no trailing blanks, at most one empty line in a row). The <c>"-- "</c> signature separator keeps its space.
    /// </summary>
    internal static string ToPlainText(string rendered)
    {
        var lines = WebUtility.HtmlDecode(rendered).Replace("\r\n", "\n").Split('\n')
            .Select(l => l == "-- " ? l : l.TrimEnd());
        var text = string.Join("\n", lines).Trim('\n');
        return BlankLines().Replace(text, "\n\n").Replace("\n", "\r\n") + "\r\n";
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
