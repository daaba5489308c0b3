using CapacityAdmin.Domain.Common;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// The one place that turns domain results into MudBlazor snackbars: a summary line and the refusal in words
/// (<see cref="ErrorText"/>). Errors stay until closed; successes fade.
/// </summary>
public static class SnackbarExtensions
{
    public static void NotifyError(this ISnackbar snackbar, string summary, DomainError error) =>
        Add(snackbar, summary, ErrorText.Describe(error), error.Kind == ErrorKind.Validation ? Severity.Warning : Severity.Error,
            requireInteraction: true);

    public static void NotifySuccess(this ISnackbar snackbar, string summary, string? detail = null) =>
        Add(snackbar, summary, detail, Severity.Success, requireInteraction: false);

    public static void NotifyWarning(this ISnackbar snackbar, string summary, string detail) =>
        Add(snackbar, summary, detail, Severity.Warning, requireInteraction: false);

    public static void NotifyInfo(this ISnackbar snackbar, string summary, string? detail = null) =>
        Add(snackbar, summary, detail, Severity.Info, requireInteraction: false);

    /// <summary>The text a snackbar shows: "Summary: detail".</summary>
    public static string Text(string summary, string? detail) => string.IsNullOrWhiteSpace(detail) ? summary : $"{summary}: {detail}";

    private static void Add(ISnackbar snackbar, string summary, string? detail, Severity severity, bool requireInteraction) =>
        snackbar.Add(Text(summary, detail), severity, o =>
        {
            o.RequireInteraction = requireInteraction;
            o.VisibleStateDuration = severity == Severity.Success ? 5000 : 8000;
            o.ShowCloseIcon = true;
        });
}
