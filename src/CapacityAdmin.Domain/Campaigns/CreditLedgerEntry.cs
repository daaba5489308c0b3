using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// One movement of a credits campaign: a consumption (positive) or a refund (negative), in cents.
/// The idempotency key is unique per campaign; <see cref="ConsumedAfterCents"/> lets a repeated key
/// answer with the first result. <see cref="RequestFingerprint"/> (SHA-256 of the operation and its payload) tells a
/// replay of the same request from a key reused for another one.
/// </summary>
public class CreditLedgerEntry
{
    public const int ActivityMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int FingerprintLength = 64;

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
        if (idempotencyKey is not null) RequestFingerprint = Fingerprint(amountCents < 0, Math.Abs(amountCents), activity, reason);
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
    public string? RequestFingerprint { get; private set; }

    public decimal Amount => Credits.FromCents(AmountCents);
    public bool IsRefund => AmountCents < 0;

    /// <summary>True when a request with this entry's key asks for the same operation with the same payload.</summary>
    public bool IsSameRequest(string fingerprint) =>
        (RequestFingerprint ?? Fingerprint(IsRefund, Math.Abs(AmountCents), Activity, Reason)) == fingerprint;

    /// <summary>The operation and its payload as stored (trimmed), each part length-prefixed so that no two requests collide.</summary>
    public static string Fingerprint(bool refund, long cents, string? activity, string? reason)
    {
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"{(refund ? "credits.refund" : "credits.consume")}|{cents}|{activity?.Length ?? -1}:{activity}|{reason?.Length ?? -1}:{reason}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
