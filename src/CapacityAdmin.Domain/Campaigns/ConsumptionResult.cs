using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// The outcome of one consumption (enroll, release, consume, refund) that was decided against a limit.
/// One refusal channel (docs/decisions.md "Speed and the refusal channel"): a request that cannot be
/// decided (not allowed, invalid, unknown campaign or enrollment, pricing-model mismatch, idempotency
/// key reused, refund beyond consumption) is a <see cref="Result{T}"/> error; a value with
/// <see cref="Allowed"/> false is only a refusal by a limit or by the campaign's status
/// (<c>CAPACITY_EXCEEDED</c>, <c>CAMPAIGN_NOT_ACCEPTING</c>, a 409), and then <see cref="NewUtilization"/>
/// and <see cref="Band"/> describe what usage would have become, and <see cref="Alerts"/> what the attempt raised.
/// </summary>
public sealed record ConsumptionResult(bool Allowed, bool Existing, decimal NewUtilization, CapacityBand Band, string? Reason, string? Code)
{
    public Guid? CampaignId { get; init; }

    /// <summary>
    /// Every pool the call concerned (the campaign, and its bundle), with usage as it stands after
    /// the call (unchanged on a refusal). This is the hook for threshold alert evaluation.
    /// </summary>
    public IReadOnlyList<PoolUsage> Pools { get; init; } = [];

    /// <summary>The threshold alerts this call raised (api-v1.md ConsumptionResult.alerts); empty when none.</summary>
    public IReadOnlyList<AlertView> Alerts { get; init; } = [];

    public EnrollmentView? Enrollment { get; init; }

    /// <summary>The alert-evaluation outbox rows committed with this consumption; deleted once evaluated (not serialized).</summary>
    internal IReadOnlyList<AlertEvaluationRequest> AlertRequests { get; init; } = [];

    /// <summary>The pools (usage after the call) this accepted consumption pushed into a higher band: the ones evaluated for alerts.</summary>
    internal IReadOnlyList<PoolUsage> CrossedPools { get; init; } = [];

    public CreditLedgerEntryView? LedgerEntry { get; init; }

    /// <summary>Maps a refusal to the error the API and UI report: a 409 with its code and what usage would have become.</summary>
    public DomainError ToError()
    {
        if (Allowed) throw new InvalidOperationException("An allowed consumption is not an error.");
        return new DomainError(ErrorKind.Conflict, Code ?? ErrorCodes.CapacityExceeded, Reason ?? "The consumption was refused.")
        {
            Extensions = new Dictionary<string, object?>
            {
                ["newUtilization"] = NewUtilization,
                ["band"] = Band.ToString().ToLowerInvariant(),
            },
        };
    }
}

public sealed record EnrollmentView(string ExternalId, EnrollmentStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? ReleasedAt);

public sealed record CreditLedgerEntryView(Guid Id, decimal Amount, string? Activity, string? IdempotencyKey, string? Reason,
    decimal ConsumedAfter, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record BulkEnrollmentItem(string VolunteerId, bool Allowed, bool Existing, string? Code);

/// <summary>A bulk enrollment: each item decided atomically, results in request order.</summary>
public sealed record BulkEnrollmentResult(int Accepted, int Existing, int Refused, IReadOnlyList<BulkEnrollmentItem> Results)
{
    /// <summary>Usage after the last item: bulk calls are evaluated for alerts once.</summary>
    public IReadOnlyList<PoolUsage> Pools { get; init; } = [];

    /// <summary>The threshold alerts raised by the one evaluation after the last item.</summary>
    public IReadOnlyList<AlertView> Alerts { get; init; } = [];
}
