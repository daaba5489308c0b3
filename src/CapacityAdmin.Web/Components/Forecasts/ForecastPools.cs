using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Web.Components.Forecasts;

/// <summary>The pools of a page's rows, for one <see cref="ForecastScope"/> batch.</summary>
public static class ForecastPools
{
    public static IReadOnlyCollection<PoolRef> Of(IEnumerable<Guid> campaignIds, IEnumerable<Guid> bundleIds) =>
        [.. campaignIds.Select(PoolRef.Campaign), .. bundleIds.Select(PoolRef.Bundle)];
}
