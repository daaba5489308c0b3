using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Api;

/// <summary>ConsumptionResult of the contract: <c>{allowed, existing, newUtilization, band, reason?, alerts}</c>; <c>alerts</c> holds the alert the call raised.</summary>
public sealed record ConsumptionResponse(bool Allowed, bool Existing, decimal NewUtilization, CapacityBand Band, string? Reason, IReadOnlyList<AlertResponse> Alerts)
{
    public static ConsumptionResponse From(ConsumptionResult result) =>
        new(result.Allowed, result.Existing, result.NewUtilization, result.Band, result.Reason, AlertResponse.From(result.Alerts));
}

public sealed record VolunteerEnrollmentResponse(string VolunteerId, EnrollmentStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? ReleasedAt);

public sealed record LearnerEnrollmentResponse(string LearnerId, EnrollmentStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? ReleasedAt);

public sealed record LedgerEntryResponse(Guid Id, decimal Amount, string? Activity, string? IdempotencyKey, string? Reason, DateTimeOffset CreatedAt);

public static class ConsumptionResults
{
    /// <summary>
    /// 200 with the result when allowed; a refusal by a limit or status (the result's one refusal channel) is its 409
    /// problem with <c>newUtilization</c>, <c>band</c> and the <c>alerts</c> the attempt raised; a request error (404,
    /// 422, 400, key reuse) is its own problem.
    /// </summary>
    public static IResult ToHttp(Result<ConsumptionResult> result)
    {
        if (!result.IsSuccess) return ApiProblems.From(result.Error);
        if (result.Value.Allowed) return TypedResults.Ok(ConsumptionResponse.From(result.Value));
        var error = result.Value.ToError();
        var extensions = new Dictionary<string, object?>(error.Extensions ?? new Dictionary<string, object?>()) { ["alerts"] = AlertResponse.From(result.Value.Alerts) };
        return ApiProblems.From(error with { Extensions = extensions });
    }
}
