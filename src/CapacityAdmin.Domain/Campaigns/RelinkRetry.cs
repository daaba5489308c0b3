namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The one retry loop of the campaign writers and consumers. An attempt reads the campaign header, takes
/// its locks (bundle, then campaign) and decides; it returns null when it found the campaign relinked to
/// another bundle after the header was read (so it locked the wrong bundle), and is run again on fresh
/// data. Relinks are rare, so a campaign that keeps changing bundles over every attempt is a bug.
/// </summary>
internal static class RelinkRetry
{
    public const int MaxAttempts = 5;

    /// <summary>For results that are structs (<c>Result&lt;T&gt;</c>, tuples): null means "relinked, again".</summary>
    public static async Task<T> UntilDecidedAsync<T>(Guid campaignId, string operation, Func<int, Task<T?>> attempt) where T : struct
    {
        for (var i = 1; i <= MaxAttempts; i++)
            if (await attempt(i) is { } decided) return decided;
        throw Exhausted(campaignId, operation);
    }

    /// <summary>For results that are classes (<see cref="ConsumptionResult"/>): null means "relinked, again".</summary>
    public static async Task<T> UntilDecidedAsync<T>(Guid campaignId, string operation, Func<int, Task<T?>> attempt) where T : class
    {
        for (var i = 1; i <= MaxAttempts; i++)
            if (await attempt(i) is { } decided) return decided;
        throw Exhausted(campaignId, operation);
    }

    private static InvalidOperationException Exhausted(Guid campaignId, string operation) =>
        new($"Campaign {campaignId} kept changing bundles during {operation}.");
}
