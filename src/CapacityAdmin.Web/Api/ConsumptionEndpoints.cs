using System.Security.Claims;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

/// <summary>The consumption operations other systems call: volunteers, learners and credits.</summary>
public static class ConsumptionEndpoints
{
    public sealed record VolunteerRequest(string? VolunteerId);
    public sealed record BulkVolunteerRequest(List<string?>? VolunteerIds);
    public sealed record LearnerRequest(string? LearnerId);
    public sealed record CreditRequest(decimal Amount, string? Activity, string? IdempotencyKey);
    public sealed record RefundRequest(decimal Amount, string? Reason, string? IdempotencyKey);

    public static RouteGroupBuilder MapConsumptionEndpoints(this RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/{id:guid}/volunteers", async (Guid id, VolunteerRequest body, ClaimsPrincipal user, EnrollmentService enrollments, CancellationToken ct) =>
            ConsumptionResults.ToHttp(await enrollments.EnrollVolunteerAsync(user.ToActor(), id, body.VolunteerId, ct))).RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapPost("/{id:guid}/volunteers/bulk", async (Guid id, BulkVolunteerRequest body, ClaimsPrincipal user, EnrollmentService enrollments, CancellationToken ct) =>
            ApiResults.Map(await enrollments.BulkEnrollVolunteersAsync(user.ToActor(), id, body.VolunteerIds, ct), r => TypedResults.Ok(new
            {
                r.Accepted, r.Existing, r.Refused,
                Results = r.Results.Select(i => new { i.VolunteerId, i.Allowed, i.Existing, i.Code }),
                Alerts = AlertResponse.From(r.Alerts),
            }))).RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapGet("/{id:guid}/volunteers/{volunteerId}", async (Guid id, string volunteerId, ClaimsPrincipal user, CapacityQueryService queries, CancellationToken ct) =>
            ApiResults.Map(await queries.GetVolunteerEnrollmentAsync(user.ToActor(), id, volunteerId, ct),
                e => TypedResults.Ok(new VolunteerEnrollmentResponse(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt))));

        campaigns.MapDelete("/{id:guid}/volunteers/{volunteerId}", async (Guid id, string volunteerId, ClaimsPrincipal user, EnrollmentService enrollments, CancellationToken ct) =>
            ConsumptionResults.ToHttp(await enrollments.ReleaseVolunteerAsync(user.ToActor(), id, volunteerId, ct))).RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapPost("/{id:guid}/learners", async (Guid id, LearnerRequest body, ClaimsPrincipal user, EnrollmentService enrollments, CancellationToken ct) =>
            ConsumptionResults.ToHttp(await enrollments.EnrollLearnerAsync(user.ToActor(), id, body.LearnerId, ct))).RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapGet("/{id:guid}/learners/{learnerId}", async (Guid id, string learnerId, ClaimsPrincipal user, CapacityQueryService queries, CancellationToken ct) =>
            ApiResults.Map(await queries.GetLearnerEnrollmentAsync(user.ToActor(), id, learnerId, ct),
                e => TypedResults.Ok(new LearnerEnrollmentResponse(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt))));

        campaigns.MapDelete("/{id:guid}/learners/{learnerId}", async (Guid id, string learnerId, ClaimsPrincipal user, EnrollmentService enrollments, CancellationToken ct) =>
            ConsumptionResults.ToHttp(await enrollments.ReleaseLearnerAsync(user.ToActor(), id, learnerId, ct))).RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapPost("/{id:guid}/credits", async (Guid id, CreditRequest body, ClaimsPrincipal user, CreditService credits, CancellationToken ct) =>
            ConsumptionResults.ToHttp(await credits.ConsumeAsync(user.ToActor(), id, new CreditConsumption(body.Amount, body.Activity, body.IdempotencyKey), ct)))
            .RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapPost("/{id:guid}/credits/refunds", async (Guid id, RefundRequest body, ClaimsPrincipal user, CreditService credits, CancellationToken ct) =>
            ConsumptionResults.ToHttp(await credits.RefundAsync(user.ToActor(), id, new CreditRefund(body.Amount, body.Reason, body.IdempotencyKey), ct)))
            .RequireAuthorization(ApiPolicies.Consume);

        campaigns.MapGet("/{id:guid}/credits/ledger", async Task<IResult> (Guid id, ClaimsPrincipal user, CapacityQueryService queries, int? page, int? pageSize, CancellationToken ct) =>
        {
            var paging = PageRequest.Create(page, pageSize);
            if (!paging.IsSuccess) return ApiProblems.From(paging.Error);
            return ApiResults.Map(await queries.ListLedgerAsync(user.ToActor(), id, paging.Value.Page, paging.Value.PageSize, ct), p => TypedResults.Ok(
                new PagedResult<LedgerEntryResponse>(p.Items.Select(e => new LedgerEntryResponse(e.Id, e.Amount, e.Activity, e.IdempotencyKey, e.Reason, e.CreatedAt)).ToList(),
                    p.Page, p.PageSize, p.Total)));
        });

        return campaigns;
    }
}
