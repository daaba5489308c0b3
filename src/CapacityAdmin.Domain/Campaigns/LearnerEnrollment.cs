namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// A learner holding a place in a campaign. A filtered unique index allows at most one
/// <see cref="EnrollmentStatus.Enrolled"/> row per (campaign, learner); released rows stay as history.
/// </summary>
public class LearnerEnrollment
{
    public const int ExternalIdMaxLength = 200;

    private LearnerEnrollment() { }

    public LearnerEnrollment(Guid campaignId, string externalId, DateTimeOffset enrolledAt)
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
