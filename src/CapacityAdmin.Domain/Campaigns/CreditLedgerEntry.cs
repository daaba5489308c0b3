using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// One movement of a credits campaign: a consumption (positive) or a refund (negative), in cents.
/// The idempotency key is unique per campaign; <see cref="ConsumedAfterCents"/> lets a repeated key
/// answer with the first result.
/// </summary>
public class CreditLedgerEntry
{
    public const int ActivityMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private CreditLedgerEntry() { }

    public CreditLedgerEntry(Guid campaignId, long amountCents, string? activity, string? idempotencyKey, string? reason,
        long consumedAfterCents, string createdBy, DateTimeOffset createdAt)
    {
        if (amountCents == 0) throw new ArgumentOutOfRangeException(nameof(amountCents), "A ledger entry moves a non-zero amount.");
        Id = Guid.NewGuid();
        CampaignId = campaignId;
        AmountCents = amountCents;
        Activity = activity;
        IdempotencyKey = idempotencyKey;
        Reason = reason;
        ConsumedAfterCents = consumedAfterCents;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public long AmountCents { get; private set; }
    public string? Activity { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public string? Reason { get; private set; }
    public long ConsumedAfterCents { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public decimal Amount => Credits.FromCents(AmountCents);
    public bool IsRefund => AmountCents < 0;
}
