using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// A company's campaign with the capacity it bought. Limits change only through methods, which
/// keep the derived limit columns (<see cref="VolunteerLimit"/> and the hard limits) in step; the
/// usage counters are changed only by the conditional statements in <c>CapacityCounters</c>, which
/// compare against those columns inside the database.
/// </summary>
public class Campaign
{
    public const int NameMaxLength = 200;
    public const int MaxPlaces = 10_000_000;
    public const decimal DefaultOveragePercent = CapacityPolicy.DefaultOveragePercent;

    private Campaign() { }

    public Campaign(Guid companyId, string name, PricingModel pricingModel, CampaignStatus status,
        int targetVolunteers, int targetBeneficiaries, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        CompanyId = companyId;
        Name = name.Trim();
        PricingModel = pricingModel;
        Status = status;
        TargetVolunteers = RequirePlaces(targetVolunteers);
        TargetBeneficiaries = RequirePlaces(targetBeneficiaries);
        OveragePercent = DefaultOveragePercent;
        CreatedAt = createdAt;
        Recalculate();
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
    public long? CreditAllocationCents { get; private set; }
    public int? LearnersCommitted { get; private set; }
    public decimal OveragePercent { get; private set; }
    public Guid? BundleId { get; private set; }
    public Bundle? Bundle { get; private set; }
    public decimal? BundleShare { get; private set; }

    /// <summary>floor(bundle capacity x share) while linked; 0 otherwise.</summary>
    public int BundleQuota { get; private set; }

    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The volunteer limit of the model: committed seats, bundle quota, or the volunteer target.</summary>
    public int VolunteerLimit { get; private set; }
    public int VolunteerHardLimit { get; private set; }
    public int LearnerHardLimit { get; private set; }
    public long CreditHardLimitCents { get; private set; }

    public int VolunteersEnrolled { get; private set; }
    public int LearnersEnrolled { get; private set; }
    public long CreditsConsumedCents { get; private set; }

    public decimal? CreditAllocation => CreditAllocationCents is { } cents ? Credits.FromCents(cents) : null;

    public bool AcceptsConsumption => CampaignLifecycle.AcceptsConsumption(Status);

    public CapacityMeasure Volunteers => new(VolunteersEnrolled, VolunteerLimit, VolunteerHardLimit);
    public CapacityMeasure Learners => new(LearnersEnrolled, LearnersCommitted ?? 0, LearnerHardLimit);
    public CapacityMeasure CreditUsage => new(CreditsConsumedCents, CreditAllocationCents ?? 0, CreditHardLimitCents, Credits.CentsPerCredit);

    /// <summary>The measure of the model's governing limit (product.md §2.1).</summary>
    public CapacityMeasure Governing => GoverningFor(PricingModel);

    public CapacityMeasure GoverningFor(PricingModel model) => model switch
    {
        PricingModel.Credits => CreditUsage,
        PricingModel.Iaas => Learners,
        _ => Volunteers,
    };

    /// <summary>Sets the model's limits at creation; later changes go through <see cref="ChangeLimits"/>.</summary>
    public void SetModelLimits(int? committedSeats, decimal? creditAllocation, int? learnersCommitted)
    {
        CommittedSeats = committedSeats is { } seats ? RequirePlaces(seats) : null;
        CreditAllocationCents = creditAllocation is { } credits ? Credits.ToCents(RequireCredits(credits)) : null;
        LearnersCommitted = learnersCommitted is { } learners ? RequirePlaces(learners) : null;
        Recalculate();
    }

    /// <summary>Applies a validated limit change; null leaves a value as it is. Lowering below usage is allowed.</summary>
    public void ChangeLimits(int? committedSeats, decimal? creditAllocation, int? learnersCommitted,
        int? targetVolunteers, int? targetBeneficiaries, decimal? overagePercent)
    {
        if (committedSeats is { } seats) CommittedSeats = RequirePlaces(seats);
        if (creditAllocation is { } credits) CreditAllocationCents = Credits.ToCents(RequireCredits(credits));
        if (learnersCommitted is { } learners) LearnersCommitted = RequirePlaces(learners);
        if (targetVolunteers is { } volunteers) TargetVolunteers = RequirePlaces(volunteers);
        if (targetBeneficiaries is { } beneficiaries) TargetBeneficiaries = RequirePlaces(beneficiaries);
        if (overagePercent is { } overage) OveragePercent = RequireOverage(overage);
        Recalculate();
    }

    public void SetOveragePercent(decimal overagePercent)
    {
        OveragePercent = RequireOverage(overagePercent);
        Recalculate();
    }

    public void SetDates(DateOnly? start, DateOnly? end)
    {
        StartDate = start;
        EndDate = end;
    }

    /// <summary>Links (or relinks) a bundle campaign; the caller has checked the bundle's status and the split.</summary>
    public void LinkToBundle(Bundle bundle, decimal share)
    {
        if (PricingModel != PricingModel.Bundle) throw new InvalidOperationException("Only bundle campaigns link to a bundle.");
        if (bundle.CompanyId != CompanyId) throw new InvalidOperationException("A campaign links only to a bundle of its own company.");
        if (!BundlePolicy.IsValidShare(share)) throw new ArgumentOutOfRangeException(nameof(share), share, "A share lies in (0, 1].");
        BundleId = bundle.Id;
        BundleShare = share;
        ApplyBundleCapacity(bundle.Capacity);
    }

    /// <summary>Recomputes the quota after the bundle's capacity or this campaign's share changed.</summary>
    public void ApplyBundleCapacity(int bundleCapacity)
    {
        BundleQuota = BundleShare is { } share ? BundlePolicy.Quota(bundleCapacity, share) : 0;
        Recalculate();
    }

    public bool CanTransitionTo(CampaignStatus target) => CampaignLifecycle.CanTransition(Status, target);

    public void TransitionTo(CampaignStatus target)
    {
        if (!CanTransitionTo(target)) throw new InvalidOperationException($"A campaign cannot go from {Status} to {target}.");
        Status = target;
    }

    private void Recalculate()
    {
        VolunteerLimit = PricingModel switch
        {
            PricingModel.Seats => CommittedSeats ?? 0,
            PricingModel.Bundle => BundleQuota,
            _ => TargetVolunteers,
        };
        VolunteerHardLimit = (int)CapacityPolicy.HardLimit(VolunteerLimit, OveragePercent);
        LearnerHardLimit = (int)CapacityPolicy.HardLimit(LearnersCommitted ?? 0, OveragePercent);
        CreditHardLimitCents = CapacityPolicy.HardLimit(CreditAllocationCents ?? 0, OveragePercent);
    }

    private static int RequirePlaces(int places) =>
        places is >= 0 and <= MaxPlaces ? places : throw new ArgumentOutOfRangeException(nameof(places), places, $"Places lie in 0..{MaxPlaces}.");

    private static decimal RequireCredits(decimal credits) =>
        credits >= 0 && credits <= Credits.MaxAmount && Credits.HasAtMostTwoDecimals(credits)
            ? credits
            : throw new ArgumentOutOfRangeException(nameof(credits), credits, "Credits lie in 0..10^12 with at most 2 decimals.");

    private static decimal RequireOverage(decimal overage) =>
        CapacityPolicy.IsValidOveragePercent(overage) ? overage : throw new ArgumentOutOfRangeException(nameof(overage), overage, "Invalid overage percent.");
}
