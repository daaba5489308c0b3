using System.Security.Claims;
using System.Text;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Reports;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

/// <summary>Membership seats: join, pay, approve / revoke / reactivate, expiry, reassignment, availability, and the utilization report.</summary>
public static class MembershipEndpoints
{
    public static IEndpointRouteBuilder MapMembershipEndpoints(this IEndpointRouteBuilder v1)
    {
        var memberships = v1.MapGroup("/memberships").WithTags("Memberships");

        // Staff and the joining systems read availability; company admins are refused by the domain (memberships belong to no company).
        memberships.MapGet("/availability", async Task<IResult> (string? cell, string? designation, string? level, string? zone, string? state, string? district,
                string? mandal, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            {
                var scope = ParseScope(new ScopeBody(cell, designation, level, zone, state, district, mandal));
                if (!scope.IsSuccess) return ApiProblems.From(scope.Error!);
                return ApiResults.Map(await service.GetAvailabilityAsync(user.ToActor(), scope.Value!, ct), a => TypedResults.Ok(new AvailabilityResponse(
                    new SeatCountResponse(a.Designation.Capacity, a.Designation.Used, a.Designation.Remaining),
                    a.LevelAggregate is { } l ? new SeatCountResponse(l.Capacity, l.Used, l.Remaining) : null, a.Fee)));
            });

        memberships.MapGet("", async Task<IResult> (string? cell, string? designation, string? level, string? zone, string? state, string? district, string? mandal,
                string? status, bool? holdsSeat, string? memberRef, int? page, int? pageSize, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                Level? parsedLevel = string.IsNullOrWhiteSpace(level) ? null : MembershipParsing.ParseLevel(level, "level", errors);
                var parsedStatus = WireNames.Parse<MembershipStatus>(status, "status");
                if (!parsedStatus.IsSuccess) errors["status"] = [parsedStatus.Error.Detail];
                if (errors.Count > 0) return ApiProblems.From(DomainError.Validation("The query is not valid.", errors));
                var paging = PageRequest.Create(page, pageSize);
                if (!paging.IsSuccess) return ApiProblems.From(paging.Error);
                var filter = new MembershipFilter(cell, designation, parsedLevel, zone, state, district, mandal, parsedStatus.Value, holdsSeat, memberRef);
                return ApiResults.Map(await service.ListAsync(user.ToActor(), filter, paging.Value, ct), p => TypedResults.Ok(
                    new PagedResult<MembershipResponse>(p.Items.Select(MembershipResponse.From).ToList(), p.Page, p.PageSize, p.Total)));
            });

        memberships.MapPost("", async Task<IResult> (JoinBody body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            {
                var scope = ParseScope(new ScopeBody(body.Cell, body.Designation, body.Level, body.Zone, body.State, body.District, body.Mandal));
                if (!scope.IsSuccess) return ApiProblems.From(scope.Error);
                var result = await service.JoinAsync(user.ToActor(), new JoinMembershipRequest(body.MemberRef, scope.Value!, body.Activate ?? false), ct);
                return ApiResults.Map(result, o => o.Existing
                    ? TypedResults.Ok(MembershipResponse.From(o.Membership))
                    : TypedResults.Created($"/api/v1/memberships/{o.Membership.Id}", MembershipResponse.From(o.Membership)));
            }).RequireAuthorization(ApiPolicies.Consume);

        memberships.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            ApiResults.Map(await service.GetAsync(user.ToActor(), id, ct), m => TypedResults.Ok(MembershipResponse.From(m))));

        memberships.MapPost("/{id:guid}/payment", async Task<IResult> (Guid id, PaymentBody body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            {
                if (!WireNames.TryParse<PaymentOutcome>(body.Outcome, out var outcome))
                    return ApiProblems.From(DomainError.Validation("outcome", "outcome must be 'success' or 'failed'."));
                return ApiResults.Map(await service.RecordPaymentAsync(user.ToActor(), id, outcome, body.ProviderRef, ct), m => TypedResults.Ok(MembershipResponse.From(m)));
            }).RequireAuthorization(ApiPolicies.Consume);

        memberships.MapPost("/{id:guid}/approve", async (Guid id, ReasonBody? body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            ApiResults.Map(await service.ApproveAsync(user.ToActor(), id, body?.Reason, ct), m => TypedResults.Ok(MembershipResponse.From(m))))
            .RequireAuthorization(ApiPolicies.Manage);

        memberships.MapPost("/{id:guid}/revoke", async (Guid id, ReasonBody? body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            ApiResults.Map(await service.RevokeAsync(user.ToActor(), id, body?.Reason, ct), m => TypedResults.Ok(MembershipResponse.From(m))))
            .RequireAuthorization(ApiPolicies.Manage);

        memberships.MapPost("/{id:guid}/reactivate", async (Guid id, ReasonBody? body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            ApiResults.Map(await service.ReactivateAsync(user.ToActor(), id, body?.Reason, ct), m => TypedResults.Ok(MembershipResponse.From(m))))
            .RequireAuthorization(ApiPolicies.Manage);

        memberships.MapPatch("/{id:guid}", async Task<IResult> (Guid id, ExpiryBody body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            {
                if (body.ExpiresAt is not { } expiresAt) return ApiProblems.From(DomainError.Validation("expiresAt", "expiresAt is required."));
                return ApiResults.Map(await service.ChangeExpiryAsync(user.ToActor(), id, expiresAt, body.Reason, ct), m => TypedResults.Ok(MembershipResponse.From(m)));
            }).RequireAuthorization(ApiPolicies.Manage);

        // dryRun defaults to false: a plain POST applies the reassignment.
        memberships.MapPost("/{id:guid}/reassignment", async Task<IResult> (Guid id, bool? dryRun, ScopeBody body, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            {
                var scope = ParseScope(body);
                if (!scope.IsSuccess) return ApiProblems.From(scope.Error);
                return ApiResults.Map(await service.ReassignAsync(user.ToActor(), id, scope.Value!, dryRun ?? false, ct), o => TypedResults.Ok(ReassignmentResponse.From(o)));
            }).RequireAuthorization(ApiPolicies.Manage);

        v1.MapGet("/reports/utilization", async Task<IResult> (string? format, ClaimsPrincipal user, UtilizationReportService reports, CancellationToken ct) =>
            {
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
                if (!csv && !string.IsNullOrWhiteSpace(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
                    return ApiProblems.From(DomainError.Validation("format", "format must be 'json' or 'csv'."));
                // The CSV is streamed: rows are written as they are read, so memory stays flat at any size.
                if (csv)
                    return TypedResults.Stream(stream => CsvTable.WriteAsync(stream, UtilizationReportService.CsvHeader, reports.CsvRowsAsync(user.ToActor(), ct), ct),
                        "text/csv; charset=utf-8");
                var report = await reports.BuildAsync(user.ToActor(), ct);
                return report.IsSuccess ? TypedResults.Ok(report.Value) : ApiProblems.From(report.Error);
            }).WithTags("Reports");

        return v1;
    }

    private static Result<MembershipScope> ParseScope(ScopeBody body)
    {
        var errors = new Dictionary<string, string[]>();
        MembershipParsing.RequireCode(body.Cell, "cell", errors);
        MembershipParsing.RequireCode(body.Designation, "designation", errors);
        var level = MembershipParsing.ParseLevel(body.Level, "level", errors);
        if (level is null || errors.Count > 0) return DomainError.Validation("The scope is not valid.", errors);
        return new MembershipScope(body.Cell, body.Designation, level.Value, body.Zone, body.State, body.District, body.Mandal);
    }
}
