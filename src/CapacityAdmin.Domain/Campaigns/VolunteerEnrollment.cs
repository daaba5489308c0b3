namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// A volunteer holding a place in a campaign. A filtered unique index allows at most one
/// <see cref="EnrollmentStatus.Enrolled"/> row per (campaign, volunteer); released rows stay as history.
/// </summary>
public class VolunteerEnrollment
{
    public const int ExternalIdMaxLength = 200;

    private VolunteerEnrollment() { }

    public VolunteerEnrollment(Guid campaignId, string externalId, DateTimeOffset enrolledAt)
    {
        Id = Guid.NewGuid();
        CampaignId = campaignId;
        ExternalId = externalId;
        Status = EnrollmentStatus.Enrolled;
        EnrolledAt = enrolledAt;
    }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public string ExternalId { get; private set; } = "";
    public EnrollmentStatus Status { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
}
