namespace CapacityAdmin.Domain.Memberships;

public enum PaymentStatus
{
    NOT_REQUIRED,
    PENDING,
    SUCCESS,
    FAILED,
}
