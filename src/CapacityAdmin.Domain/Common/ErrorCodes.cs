namespace CapacityAdmin.Domain.Common;

/// <summary>The stable error codes of the contract (api-v1.md).</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string Duplicate = "DUPLICATE";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string CompanyNotFound = "COMPANY_NOT_FOUND";
    public const string CampaignNotFound = "CAMPAIGN_NOT_FOUND";
    public const string BundleNotFound = "BUNDLE_NOT_FOUND";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string ApiKeyNotFound = "API_KEY_NOT_FOUND";
    public const string JobNotFound = "JOB_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string EnrollmentNotFound = "ENROLLMENT_NOT_FOUND";
    public const string CapacityExceeded = "CAPACITY_EXCEEDED";
    public const string CampaignNotAccepting = "CAMPAIGN_NOT_ACCEPTING";
    public const string PricingModelMismatch = "PRICING_MODEL_MISMATCH";
    public const string BundleNotActive = "BUNDLE_NOT_ACTIVE";
    public const string AlertNotFound = "ALERT_NOT_FOUND";
    public const string CapacityRequestPending = "CAPACITY_REQUEST_PENDING";
}
