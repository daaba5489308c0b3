using CapacityAdmin.Domain.Bundles;

namespace CapacityAdmin.Web.Components.Pages.Bundles;

/// <summary>Human names of bundle subscription statuses ("Past due", not "past_due").</summary>
public static class BundleText
{
    public static readonly IReadOnlyList<BundleSubscriptionStatus> Statuses = Enum.GetValues<BundleSubscriptionStatus>();

    public static string Name(BundleSubscriptionStatus status) => status switch
    {
        BundleSubscriptionStatus.PastDue => "Past due",
        BundleSubscriptionStatus.Canceled => "Cancelled",
        _ => status.ToString(),
    };
}
