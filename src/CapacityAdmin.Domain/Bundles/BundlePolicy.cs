namespace CapacityAdmin.Domain.Bundles;

/// <summary>Quota and split arithmetic of bundles (product.md §2.3).</summary>
public static class BundlePolicy
{
    /// <summary>Shares are fractions (0 &lt; share &lt;= 1); a split is valid within this distance of 1.</summary>
    public const decimal SplitTolerance = 0.001m;

    public static int Quota(int capacity, decimal share) => decimal.ToInt32(decimal.Floor(capacity * share));

    public static bool IsValidShare(decimal share) => share > 0m && share <= 1m && decimal.Round(share, 6) == share;

    public static bool IsSplitValid(decimal sharesTotal) => Math.Abs(sharesTotal - 1m) <= SplitTolerance;

    /// <summary>Linking refuses shares that would add up to more than 100 %.</summary>
    public static bool ExceedsWhole(decimal sharesTotal) => sharesTotal > 1m;

    public static IReadOnlyList<string> SplitErrors(IReadOnlyCollection<decimal> shares)
    {
        if (shares.Count == 0) return ["No campaign is linked to this bundle."];
        var total = shares.Sum();
        if (IsSplitValid(total)) return [];
        var percent = Campaigns.CapacityPolicy.Percent(total);
        return [total < 1m
            ? FormattableString.Invariant($"Shares add up to {percent:0.##}%; {Campaigns.CapacityPolicy.Percent(1m - total):0.##}% of the bundle is not allocated.")
            : FormattableString.Invariant($"Shares add up to {percent:0.##}%, more than 100%.")];
    }
}
