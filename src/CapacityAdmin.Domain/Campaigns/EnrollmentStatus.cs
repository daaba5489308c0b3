namespace CapacityAdmin.Domain.Campaigns;

public enum EnrollmentStatus
{
    Enrolled,
    Released,
}
