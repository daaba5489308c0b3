using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>Field validation of campaign requests; all problems are reported at once as VALIDATION_FAILED.</summary>
internal static class CampaignValidation
{
    public static DomainError? ValidateCreate(CreateCampaignRequest r, string name)
    {
        var errors = new Errors();
        if (name.Length == 0) errors.Add("name", "A campaign name is required.");
        else if (name.Length > Campaign.NameMaxLength) errors.Add("name", $"A campaign name has at most {Campaign.NameMaxLength} characters.");
        if (!Enum.IsDefined(r.PricingModel)) errors.Add("pricingModel", "Unknown pricing model.");
        if (r.Status is { } s && !Enum.IsDefined(s)) errors.Add("status", "Unknown status.");
        errors.Places("targetVolunteers", r.TargetVolunteers);
        errors.Places("targetBeneficiaries", r.TargetBeneficiaries);
        errors.ModelLimit("committedSeats", r.CommittedSeats is not null, r.PricingModel, PricingModel.Seats, required: true);
        errors.ModelLimit("creditAllocation", r.CreditAllocation is not null, r.PricingModel, PricingModel.Credits, required: true);
        errors.ModelLimit("learnersCommitted", r.LearnersCommitted is not null, r.PricingModel, PricingModel.Iaas, required: true);
        errors.ModelLimit("bundleId", r.BundleId is not null, r.PricingModel, PricingModel.Bundle, required: false);
        errors.ModelLimit("bundleShare", r.BundleShare is not null, r.PricingModel, PricingModel.Bundle, required: false);
        if (r.CommittedSeats is { } seats) errors.Places("committedSeats", seats);
        if (r.LearnersCommitted is { } learners) errors.Places("learnersCommitted", learners);
        if (r.CreditAllocation is { } credits) errors.Credits("creditAllocation", credits);
        if (r.PricingModel == PricingModel.Bundle && (r.BundleId is null) != (r.BundleShare is null))
            errors.Add(r.BundleId is null ? "bundleId" : "bundleShare", "bundleId and bundleShare go together.");
        if (r.BundleShare is { } share && !BundlePolicy.IsValidShare(share))
            errors.Add("bundleShare", "A share is above 0 and at most 1, with at most 6 decimals.");
        if (r.OveragePercent is { } overage) errors.Overage(overage);
        if (r.StartDate is { } start && r.EndDate is { } end && end < start) errors.Add("endDate", "The end date is on or after the start date.");
        return errors.ToError("The campaign is invalid.");
    }

    public static DomainError? ValidateLimitChange(Campaign campaign, CampaignLimitChange c, bool requireReason)
    {
        var errors = new Errors();
        var model = campaign.PricingModel;
        if (c is { CommittedSeats: null, CreditAllocation: null, LearnersCommitted: null, TargetVolunteers: null, TargetBeneficiaries: null,
                BundleShare: null, OveragePercent: null })
            errors.Add("capacity", "Name at least one limit to change.");
        errors.ModelLimit("committedSeats", c.CommittedSeats is not null, model, PricingModel.Seats, required: false);
        errors.ModelLimit("creditAllocation", c.CreditAllocation is not null, model, PricingModel.Credits, required: false);
        errors.ModelLimit("learnersCommitted", c.LearnersCommitted is not null, model, PricingModel.Iaas, required: false);
        errors.ModelLimit("bundleShare", c.BundleShare is not null, model, PricingModel.Bundle, required: false);
        if (c.CommittedSeats is { } seats) errors.Places("committedSeats", seats);
        if (c.LearnersCommitted is { } learners) errors.Places("learnersCommitted", learners);
        if (c.TargetVolunteers is { } volunteers) errors.Places("targetVolunteers", volunteers);
        if (c.TargetBeneficiaries is { } beneficiaries) errors.Places("targetBeneficiaries", beneficiaries);
        if (c.CreditAllocation is { } credits) errors.Credits("creditAllocation", credits);
        if (c.OveragePercent is { } overage) errors.Overage(overage);
        if (c.BundleShare is { } share)
        {
            if (!BundlePolicy.IsValidShare(share)) errors.Add("bundleShare", "A share is above 0 and at most 1, with at most 6 decimals.");
            else if (model == PricingModel.Bundle && campaign.BundleId is null) errors.Add("bundleShare", "Link the campaign to a bundle first.");
        }
        var reason = c.Reason?.Trim();
        if (requireReason && string.IsNullOrEmpty(reason)) errors.Add("reason", "A reason is required for every capacity change.");
        if (reason?.Length > CapacityChange.ReasonMaxLength) errors.Add("reason", $"A reason has at most {CapacityChange.ReasonMaxLength} characters.");
        return errors.ToError("The capacity change is invalid.");
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            list.Add(message);
        }

        public void Places(string field, int value)
        {
            if (value is < 0 or > Campaign.MaxPlaces) Add(field, $"{field} lies between 0 and {Campaign.MaxPlaces}.");
        }

        public void Credits(string field, decimal value)
        {
            if (value < 0 || value > Common.Credits.MaxAmount || !Common.Credits.HasAtMostTwoDecimals(value))
                Add(field, $"{field} lies between 0 and 10^12 with at most 2 decimals.");
        }

        public void Overage(decimal value)
        {
            if (!CapacityPolicy.IsValidOveragePercent(value))
                Add("overagePercent", $"overagePercent lies between 0 and {CapacityPolicy.MaxOveragePercent} with at most 2 decimals.");
        }

        public void ModelLimit(string field, bool present, PricingModel model, PricingModel owner, bool required)
        {
            if (present && model != owner) Add(field, $"{field} applies only to {AuditValue.Of(owner)} campaigns.");
            else if (required && !present && model == owner) Add(field, $"{field} is required for {AuditValue.Of(owner)} campaigns.");
        }

        public DomainError? ToError(string detail) =>
            _errors.Count == 0 ? null : DomainError.Validation(detail, _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}
