using CapacityAdmin.Domain.Forecasts;

namespace CapacityAdmin.Web.Components.Forecasts;

/// <summary>The forecasts a <see cref="ForecastScope"/> loaded in one batch, cascaded to the badges of its rows.</summary>
public sealed class ForecastLookup(IReadOnlyDictionary<PoolRef, Forecast> forecasts)
{
    public static readonly ForecastLookup Empty = new(new Dictionary<PoolRef, Forecast>());

    public Forecast? Find(PoolRef pool) => forecasts.GetValueOrDefault(pool);

    public int Count => forecasts.Count;
}
