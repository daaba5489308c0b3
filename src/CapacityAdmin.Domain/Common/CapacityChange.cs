namespace CapacityAdmin.Domain.Common;

/// <summary>An audit entry of a campaign's or a bundle's timeline: who changed which field, from what, to what, and why.</summary>
public class CapacityChange
{
    public const int FieldMaxLength = 50;
    public const int ValueMaxLength = 100;
    public const int ReasonMaxLength = 1000;
    public const int ChangedByMaxLength = 256;

    private CapacityChange() { }

    private CapacityChange(Guid companyId, Guid? campaignId, Guid? bundleId, string field, string? oldValue, string? newValue,
        string reason, string changedBy, DateTimeOffset changedAt)
    {
        Id = Guid.NewGuid();
        CompanyId = companyId;
        CampaignId = campaignId;
        BundleId = bundleId;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public static CapacityChange ForCampaign(Guid companyId, Guid campaignId, string field, string? oldValue, string? newValue,
        string reason, string changedBy, DateTimeOffset changedAt) =>
        new(companyId, campaignId, null, field, oldValue, newValue, reason, changedBy, changedAt);

    public static CapacityChange ForBundle(Guid companyId, Guid bundleId, string field, string? oldValue, string? newValue,
        string reason, string changedBy, DateTimeOffset changedAt) =>
        new(companyId, null, bundleId, field, oldValue, newValue, reason, changedBy, changedAt);

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid? CampaignId { get; private set; }
    public Guid? BundleId { get; private set; }
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
}
