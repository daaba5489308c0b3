using CapacityAdmin.Domain.Companies;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>A company's campaign with the capacity it bought.</summary>
public class Campaign
{
    public const int NameMaxLength = 200;
    public const decimal DefaultOveragePercent = 10m;

    private Campaign() { }

    public Campaign(Guid companyId, string name, PricingModel pricingModel, CampaignStatus status,
        int targetVolunteers, int targetBeneficiaries, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        CompanyId = companyId;
        Name = name.Trim();
        PricingModel = pricingModel;
        Status = status;
        TargetVolunteers = targetVolunteers;
        TargetBeneficiaries = targetBeneficiaries;
        OveragePercent = DefaultOveragePercent;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Company? Company { get; private set; }
    public string Name { get; private set; } = "";
    public PricingModel PricingModel { get; private set; }
    public CampaignStatus Status { get; private set; }
    public int TargetVolunteers { get; private set; }
    public int TargetBeneficiaries { get; private set; }
    public int? CommittedSeats { get; private set; }
    public decimal? CreditAllocation { get; private set; }
    public int? LearnersCommitted { get; private set; }
    public decimal OveragePercent { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void SetModelLimits(int? committedSeats, decimal? creditAllocation, int? learnersCommitted)
    {
        CommittedSeats = committedSeats;
        CreditAllocation = creditAllocation;
        LearnersCommitted = learnersCommitted;
    }

    public void SetDates(DateOnly? start, DateOnly? end)
    {
        StartDate = start;
        EndDate = end;
    }
}
