namespace CapacityAdmin.Domain.Bundles;

/// <summary>Subscription state of a bundle; only active and trialing bundles accept new campaign links.</summary>
public enum BundleSubscriptionStatus
{
    Active,
    Trialing,
    PastDue,
    Canceled,
    Unpaid,
}
