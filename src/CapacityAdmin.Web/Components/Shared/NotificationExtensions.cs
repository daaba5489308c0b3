using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>Refusals in words for pages that show them inline (dialogs, field summaries); snackbars use <see cref="SnackbarExtensions"/>.</summary>
public static class NotificationExtensions
{
    /// <summary>The refusal in words: see <see cref="ErrorText.Describe"/>.</summary>
    public static string Describe(DomainError error) => ErrorText.Describe(error);
}
