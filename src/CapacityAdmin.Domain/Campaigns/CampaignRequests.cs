namespace CapacityAdmin.Domain.Campaigns;

/// <summary>POST /campaigns. The model's own limit is required; limits of other models are refused. Status defaults to active.</summary>
public sealed record CreateCampaignRequest(
    Guid CompanyId,
    string? Name,
    PricingModel PricingModel,
    int TargetVolunteers,
    int TargetBeneficiaries,
    int? CommittedSeats = null,
    decimal? CreditAllocation = null,
    int? LearnersCommitted = null,
    Guid? BundleId = null,
    decimal? BundleShare = null,
    decimal? OveragePercent = null,
    CampaignStatus? Status = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null);

/// <summary>PATCH /campaigns/{id}/capacity: any of the limits (null leaves a value as it is) and a reason.</summary>
public sealed record CampaignLimitChange(
    int? CommittedSeats = null,
    decimal? CreditAllocation = null,
    int? LearnersCommitted = null,
    int? TargetVolunteers = null,
    int? TargetBeneficiaries = null,
    decimal? BundleShare = null,
    decimal? OveragePercent = null,
    string? Reason = null);

public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>
/// What a limit change does to the governing limit, computed the same way for the preview and for
/// the change itself. <see cref="RefusesNewConsumption"/> says whether the next unit (one place, one
/// cent) would be refused.
/// </summary>
public sealed record LimitChangeImpact(
    IReadOnlyList<FieldChange> Changes,
    CapacityKind Kind,
    decimal Used,
    decimal OldLimit,
    decimal NewLimit,
    decimal OldHardLimit,
    decimal NewHardLimit,
    decimal OldUtilization,
    decimal NewUtilization,
    CapacityBand OldBand,
    CapacityBand NewBand,
    CapacityFlags NewFlags,
    bool BelowUsage,
    bool RefusesNewConsumption,
    string? Warning);

public sealed record LimitChangeResult(LimitChangeImpact Impact, CapacityStatus Status);

public enum CampaignSort
{
    Name,
    Company,
    Utilization,
    Status,
    PricingModel,
    CreatedAt,
}

/// <summary>GET /campaigns filters, sorting and paging; all of it runs in SQL.</summary>
public sealed record CampaignStatusQuery(
    Guid? CompanyId = null,
    PricingModel? Model = null,
    CapacityBand? Band = null,
    CampaignStatus? Status = null,
    string? Search = null,
    CampaignSort Sort = CampaignSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = 50);
