using CapacityAdmin.Domain.Common;
using Radzen;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>The one place that turns domain results into UI notifications (house-style: one helper maps errors for the UI).</summary>
public static class NotificationExtensions
{
    /// <summary>Shows an error for a refused operation: the domain's detail plus each field message.</summary>
    public static void NotifyError(this NotificationService notifications, string summary, DomainError error) =>
        notifications.Notify(new NotificationMessage
        {
            Severity = error.Kind == ErrorKind.Validation ? NotificationSeverity.Warning : NotificationSeverity.Error,
            Summary = summary,
            Detail = Describe(error),
            Duration = 8000,
        });

    public static void NotifySuccess(this NotificationService notifications, string summary, string? detail = null) =>
        notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = summary, Detail = detail ?? "", Duration = 5000 });

    public static void NotifyWarning(this NotificationService notifications, string summary, string detail) =>
        notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Warning, Summary = summary, Detail = detail, Duration = 6000 });

    /// <summary>The detail of an error followed by its field messages, for people rather than machines.</summary>
    public static string Describe(DomainError error)
    {
        if (error.Errors is not { Count: > 0 } fields) return error.Detail;
        return error.Detail + " " + string.Join(" ", fields.SelectMany(f => f.Value));
    }
}
