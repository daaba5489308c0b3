namespace CapacityAdmin.Domain.Common;

/// <summary>An audit entry of a campaign's or a bundle's timeline (<see cref="AuditRecord"/>), tied to its company.</summary>
public class CapacityChange : AuditRecord
{
    public const int FieldMaxLength = 50;
    public const int ValueMaxLength = 100;
    public const int ReasonMaxLength = 1000;
    public const int ChangedByMaxLength = 256;

    private CapacityChange() { }

    private CapacityChange(Guid companyId, Guid? campaignId, Guid? bundleId, string field, string? oldValue, string? newValue,
        string reason, string changedBy, DateTimeOffset changedAt) : base(field, oldValue, newValue, reason, changedBy, changedAt)
    {
        CompanyId = companyId;
        CampaignId = campaignId;
        BundleId = bundleId;
    }

    public static CapacityChange ForCampaign(Guid companyId, Guid campaignId, string field, string? oldValue, string? newValue,
        string reason, string changedBy, DateTimeOffset changedAt) =>
        new(companyId, campaignId, null, field, oldValue, newValue, reason, changedBy, changedAt);

    public static CapacityChange ForBundle(Guid companyId, Guid bundleId, string field, string? oldValue, string? newValue,
        string reason, string changedBy, DateTimeOffset changedAt) =>
        new(companyId, null, bundleId, field, oldValue, newValue, reason, changedBy, changedAt);

    public Guid CompanyId { get; private set; }
    public Guid? CampaignId { get; private set; }
    public Guid? BundleId { get; private set; }

    public override AuditSubject About() => CampaignId is { } campaign
        ? new AuditSubject(AuditSubjectType.Campaign, campaign.ToString())
        : new AuditSubject(AuditSubjectType.Bundle, BundleId.GetValueOrDefault().ToString());
}
