using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

/// <summary>
/// GET /campaigns/{id}/history, /campaigns/{id}/forecast, /bundles/{id}/history, /bundles/{id}/forecast
/// (api-v1.md "Usage history, forecasts and refused demand"). Every role that reads capacity may call them;
/// a company-bound key sees only its own pools (another company's: 404).
/// </summary>
public static class ForecastEndpoints
{
    public static RouteGroupBuilder MapForecastEndpoints(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Forecasts");
        campaigns.MapGet("/{id:guid}/forecast", async (Guid id, ClaimsPrincipal user, ForecastService forecasts, CancellationToken ct) =>
            ApiResults.Map(await forecasts.GetCampaignForecastAsync(user.ToActor(), id, ct), f => TypedResults.Ok(ForecastResponse.From(f))));
        campaigns.MapGet("/{id:guid}/history", async (Guid id, string? from, string? to, ClaimsPrincipal user, ForecastService forecasts,
            CancellationToken ct) =>
        {
            var range = ParseRange(from, to);
            if (!range.IsSuccess) return ApiProblems.From(range.Error);
            return ApiResults.Map(await forecasts.GetCampaignHistoryAsync(user.ToActor(), id, range.Value.From, range.Value.To, ct),
                h => TypedResults.Ok(HistoryResponse.From(h)));
        });

        var bundles = api.MapGroup("/bundles").WithTags("Forecasts");
        bundles.MapGet("/{id:guid}/forecast", async (Guid id, ClaimsPrincipal user, ForecastService forecasts, CancellationToken ct) =>
            ApiResults.Map(await forecasts.GetBundleForecastAsync(user.ToActor(), id, ct), f => TypedResults.Ok(ForecastResponse.From(f))));
        bundles.MapGet("/{id:guid}/history", async (Guid id, string? from, string? to, ClaimsPrincipal user, ForecastService forecasts,
            CancellationToken ct) =>
        {
            var range = ParseRange(from, to);
            if (!range.IsSuccess) return ApiProblems.From(range.Error);
            return ApiResults.Map(await forecasts.GetBundleHistoryAsync(user.ToActor(), id, range.Value.From, range.Value.To, ct),
                h => TypedResults.Ok(HistoryResponse.From(h)));
        });
        return api;
    }

    /// <summary>Dates are UTC calendar dates, <c>yyyy-MM-dd</c>; anything else is a 400 naming the parameter.</summary>
    private static Result<(DateOnly? From, DateOnly? To)> ParseRange(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var f = Parse(from, "from", errors);
        var t = Parse(to, "to", errors);
        return errors.Count > 0 ? DomainError.Validation("from and to are dates (yyyy-MM-dd, UTC).", errors) : (f, t);
    }

    private static DateOnly? Parse(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = [$"{name} is a date written yyyy-MM-dd (UTC)."];
        return null;
    }
}

/// <summary>Forecast of the contract; its nullable members are always present (null when there is no value).</summary>
public sealed record ForecastResponse(
    string PoolType,
    Guid PoolId,
    string PoolName,
    Guid CompanyId,
    string Measure,
    DateTimeOffset AsOf,
    decimal Used,
    decimal Limit,
    decimal HardLimit,
    decimal Utilization,
    decimal BurnRatePerDay,
    int BasisDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? ProjectedFullAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? ProjectedHardLimitAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? EndDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? ProjectedUtilizationAtEnd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? RunsOutBeforeEnd,
    long RefusedLast30Days,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? DaysToFull,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? DaysToHardLimit)
{
    public static ForecastResponse From(Forecast f) => new(WireNames.Of(f.PoolType), f.PoolId, f.PoolName, f.CompanyId, WireNames.Of(f.Measure),
        f.AsOf, f.Used, f.Limit, f.HardLimit, f.Utilization, f.BurnRatePerDay, f.BasisDays, f.ProjectedFullAt, f.ProjectedHardLimitAt, f.EndDate,
        f.ProjectedUtilizationAtEnd, f.RunsOutBeforeEnd, f.RefusedLast30Days, f.DaysToFull, f.DaysToHardLimit);
}

public sealed record HistoryPointResponse(DateOnly Date, decimal Used, decimal Limit, decimal HardLimit, long Refused);

public sealed record HistoryResponse(string PoolType, Guid PoolId, string Measure, IReadOnlyList<HistoryPointResponse> Points)
{
    public static HistoryResponse From(UsageHistory h) => new(WireNames.Of(h.PoolType), h.PoolId, WireNames.Of(h.Measure),
        h.Points.Select(p => new HistoryPointResponse(p.Date, p.Used, p.Limit, p.HardLimit, p.Refused)).ToList());
}
