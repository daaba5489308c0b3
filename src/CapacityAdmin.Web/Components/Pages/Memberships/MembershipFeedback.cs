using CapacityAdmin.Domain.Common;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>Snackbar messages of the membership pages (until the shared notification helper lands): refusals in words.</summary>
public static class MembershipFeedback
{
    public static void Refused(this ISnackbar snackbar, string what, DomainError error) =>
        snackbar.Add($"{what}: {MembershipText.Refusal(error)}", error.Kind == ErrorKind.Validation ? Severity.Warning : Severity.Error);

    public static void Done(this ISnackbar snackbar, string message) => snackbar.Add(message, Severity.Success);

    public static void Note(this ISnackbar snackbar, string message) => snackbar.Add(message, Severity.Info);
}
