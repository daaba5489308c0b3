using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

/// <summary>
/// Threshold alerts (api-v1.md "Companies, bundles, campaigns", the alert rows): the lists, acknowledge and snooze (CS),
/// the upsell workflow and list (Sales), and a company admin's request for more capacity. Tenancy and the finer role
/// rules are the domain's (<see cref="AlertService"/>); the policies here turn the obvious cases away early.
/// </summary>
public static class AlertEndpoints
{
    public sealed record AcknowledgeRequest(string? Reason);

    public sealed record SnoozeRequest(DateTimeOffset? Until, string? Reason);

    public sealed record UpsellRequest(string? Status, string? Owner, string? Notes);

    public sealed record CapacityRequestBody(string? Note);

    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id:guid}/alerts", async (Guid id, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
                ApiResults.Map(await alerts.ListForCampaignAsync(user.ToActor(), id, ct), list => TypedResults.Ok(AlertResponse.From(list))))
            .WithTags("Alerts");

        // A company admin (or CS / an Administrator on its behalf) asks for more capacity: an upsell item for Sales.
        api.MapPost("/campaigns/{id:guid}/capacity-requests", async (Guid id, HttpRequest request, ClaimsPrincipal user, AlertService alerts,
                CancellationToken ct) =>
                await OptionalBodyAsync<CapacityRequestBody>(request, ct) is var (body, error) && error is not null
                    ? error
                    : ApiResults.Map(await alerts.RequestCapacityAsync(user.ToActor(), id, body?.Note, ct),
                        a => TypedResults.Created($"/api/v1/alerts/{a.Id}", AlertResponse.From(a))))
            .WithTags("Alerts");

        var group = api.MapGroup("/alerts").WithTags("Alerts");

        group.MapGet("/", async (ClaimsPrincipal user, AlertService alerts, string? band, string? severity, Guid? companyId, string? status,
            string? kind, int? page, int? pageSize, CancellationToken ct) =>
        {
            var query = BuildQuery(band, severity, companyId, status, kind);
            if (!query.IsSuccess) return ApiProblems.From(query.Error);
            var paging = PageRequest.Create(page, pageSize);
            if (!paging.IsSuccess) return ApiProblems.From(paging.Error);
            return ApiResults.Map(await alerts.ListAsync(user.ToActor(), query.Value, paging.Value, ct), p =>
                TypedResults.Ok(new PagedResult<AlertResponse>(AlertResponse.From(p.Items), p.Page, p.PageSize, p.Total)));
        });

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
            ApiResults.Map(await alerts.GetAsync(user.ToActor(), id, ct), a => TypedResults.Ok(AlertResponse.From(a))));

        group.MapPost("/{id:guid}/acknowledge", async (Guid id, HttpRequest request, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
                await OptionalBodyAsync<AcknowledgeRequest>(request, ct) is var (body, error) && error is not null
                    ? error
                    : ApiResults.Map(await alerts.AcknowledgeAsync(user.ToActor(), id, body?.Reason, ct), a => TypedResults.Ok(AlertResponse.From(a))))
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapPost("/{id:guid}/snooze", async (Guid id, SnoozeRequest body, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
                ApiResults.Map(await alerts.SnoozeAsync(user.ToActor(), id, body.Until, body.Reason, ct), a => TypedResults.Ok(AlertResponse.From(a))))
            .RequireAuthorization(ApiPolicies.Manage);

        group.MapPatch("/{id:guid}/upsell", async (Guid id, UpsellRequest body, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
            {
                UpsellStatus? status = null;
                if (body.Status is not null)
                {
                    if (!WireNames.TryParse<UpsellStatus>(body.Status, out var parsed))
                        return ApiProblems.From(WireNames.Invalid<UpsellStatus>(body.Status, "status"));
                    status = parsed;
                }
                return ApiResults.Map(await alerts.UpdateUpsellAsync(user.ToActor(), id, new UpsellUpdate(status, body.Owner, body.Notes), ct),
                    a => TypedResults.Ok(AlertResponse.From(a)));
            })
            .RequireAuthorization(ApiPolicies.Upsell);

        MapUpsellList(api);
        return api;
    }

    /// <summary>GET /upsell (paged) and GET /upsell.csv: the sales list of upsell opportunities and capacity requests.</summary>
    private static void MapUpsellList(RouteGroupBuilder api)
    {
        api.MapGet("/upsell", async (ClaimsPrincipal user, AlertService alerts, string? status, string? owner, Guid? companyId, string? kind,
            string? sort, int? page, int? pageSize, CancellationToken ct) =>
        {
            var query = BuildUpsellQuery(status, owner, companyId, kind, sort);
            if (!query.IsSuccess) return ApiProblems.From(query.Error);
            var paging = PageRequest.Create(page, pageSize);
            if (!paging.IsSuccess) return ApiProblems.From(paging.Error);
            return ApiResults.Map(await alerts.ListUpsellAsync(user.ToActor(), query.Value, paging.Value, ct), p =>
                TypedResults.Ok(new PagedResult<UpsellItemResponse>(p.Items.Select(UpsellItemResponse.From).ToList(), p.Page, p.PageSize, p.Total)));
        }).WithTags("Alerts").RequireAuthorization(ApiPolicies.Upsell);

        api.MapGet("/upsell.csv", (ClaimsPrincipal user, AlertService alerts, string? status, string? owner, Guid? companyId, string? kind,
            string? sort, CancellationToken ct) =>
        {
            var query = BuildUpsellQuery(status, owner, companyId, kind, sort);
            if (!query.IsSuccess) return ApiProblems.From(query.Error);
            // Streamed: rows are written as they are read (AlertService.StreamUpsellExport).
            return ApiResults.Map(alerts.StreamUpsellExport(user.ToActor(), query.Value), rows =>
                TypedResults.Stream(stream => UpsellCsv.WriteAsync(stream, rows, ct), "text/csv; charset=utf-8", "upsell.csv"));
        }).WithTags("Alerts").RequireAuthorization(ApiPolicies.Upsell);
    }

    /// <summary>
    /// A body that may be left out entirely (<c>{reason?}</c>, <c>{note?}</c>): a POST without content is as good as
    /// <c>{}</c>. Bound as a parameter (or declared with Accepts), the route would not match a request without a Content-Type.
    /// </summary>
    private static async Task<(T? Body, IResult? Error)> OptionalBodyAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType() && request.ContentType is null))
            return (null, null);
        if (!request.HasJsonContentType())
            return (null, ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
        try
        {
            return (await request.ReadFromJsonAsync<T>(ct), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.From(DomainError.Validation("body", $"The body is not valid JSON for this operation: {ex.Message}")));
        }
    }

    private static Result<AlertQuery> BuildQuery(string? band, string? severity, Guid? companyId, string? status, string? kind)
    {
        string? threshold = null;
        if (!string.IsNullOrWhiteSpace(band))
        {
            threshold = AlertService.NormalizeThreshold(band);
            if (threshold is null)
                return DomainError.Validation("band", $"'{band}' is not a band; use one of {string.Join(", ", AlertBandSetting.Thresholds)}.");
        }
        var s = WireNames.Parse<AlertSeverity>(severity, "severity");
        if (!s.IsSuccess) return s.Error;
        var st = WireNames.Parse<AlertStatus>(status, "status");
        if (!st.IsSuccess) return st.Error;
        var k = WireNames.Parse<AlertKind>(kind, "kind");
        if (!k.IsSuccess) return k.Error;
        return new AlertQuery(threshold, s.Value, companyId, st.Value, k.Value);
    }

    /// <summary><c>sort</c>: <c>forecast</c> (the default: runs out before its end first, earliest hard-limit date, highest live utilization) or <c>newest</c>.</summary>
    private static Result<UpsellQuery> BuildUpsellQuery(string? status, string? owner, Guid? companyId, string? kind, string? sort = null)
    {
        var order = UpsellSort.Forecast;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            if (string.Equals(sort.Trim(), "newest", StringComparison.OrdinalIgnoreCase)) order = UpsellSort.CreatedAt;
            else if (!string.Equals(sort.Trim(), "forecast", StringComparison.OrdinalIgnoreCase))
                return DomainError.Validation("sort", "sort is forecast (the default) or newest.");
        }
        var s = WireNames.Parse<UpsellStatus>(status, "status");
        if (!s.IsSuccess) return s.Error;
        var k = WireNames.Parse<AlertKind>(kind, "kind");
        if (!k.IsSuccess) return k.Error;
        return new UpsellQuery(s.Value, owner, companyId, k.Value, Sort: order);
    }
}
