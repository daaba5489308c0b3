using MudBlazor;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>A confirmed <see cref="ConfirmDialog"/>: the reason typed (null when none was asked for).</summary>
public sealed record Confirmation(string? Reason);

public static class ConfirmDialogExtensions
{
    /// <summary>
    /// Asks for confirmation; null when the person cancelled (Cancel, Escape, close), so the caller changes nothing.
    /// <paramref name="requireReason"/> adds a required reason field whose text comes back in the result.
    /// </summary>
    public static async Task<Confirmation?> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText,
        bool requireReason = false, bool danger = false, string reasonLabel = "Reason", IReadOnlyList<string>? changes = null)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.RequireReason, requireReason },
            { d => d.ReasonLabel, reasonLabel },
            { d => d.Danger, danger },
            { d => d.Changes, changes },
        };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: Confirmation confirmation } ? confirmation : null;
    }
}
