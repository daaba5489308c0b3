using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>The values a person types into the capacity form; null means "left empty".</summary>
public sealed class CapacityFormModel
{
    public int? CommittedSeats { get; set; }
    public decimal? CreditAllocation { get; set; }
    public int? LearnersCommitted { get; set; }
    public decimal? BundleShare { get; set; }
    public int? TargetVolunteers { get; set; }
    public int? TargetBeneficiaries { get; set; }
    public decimal? OveragePercent { get; set; }
    public string? Reason { get; set; }

    public static CapacityFormModel From(CapacityStatus s) => new()
    {
        CommittedSeats = s.Seats?.Committed,
        CreditAllocation = s.Credits?.Allocated,
        LearnersCommitted = s.Iaas?.LearnersCommitted,
        BundleShare = s.Bundle?.Share,
        TargetVolunteers = s.Volunteers.Target,
        TargetBeneficiaries = s.Beneficiaries.Target,
        OveragePercent = s.OveragePercent,
    };

    /// <summary>The change for the domain: only the limits of the campaign's model (others are refused there), a share only when it moved.</summary>
    public CampaignLimitChange ToChange(CapacityStatus s) => new(
        CommittedSeats: s.PricingModel == PricingModel.Seats ? CommittedSeats : null,
        CreditAllocation: s.PricingModel == PricingModel.Credits ? CreditAllocation : null,
        LearnersCommitted: s.PricingModel == PricingModel.Iaas ? LearnersCommitted : null,
        TargetVolunteers: TargetVolunteers,
        TargetBeneficiaries: TargetBeneficiaries,
        BundleShare: s.Bundle is not null && BundleShare != s.Bundle.Share ? BundleShare : null,
        OveragePercent: OveragePercent,
        Reason: Reason);
}

/// <summary>
/// Edits a campaign's limits: every change of a field asks <see cref="CampaignService.PreviewLimitChangeAsync"/> for the
/// impact (nothing is written), Save calls <see cref="CampaignService.ChangeLimitsAsync"/> with the required reason.
/// </summary>
public partial class CampaignCapacityForm
{
    private const int MaxPlaces = Campaign.MaxPlaces;
    private static readonly string PlacesRange = FormattableString.Invariant($"Enter a whole number from 0 to {MaxPlaces:#,##0}");
    private static readonly string OverageRange = FormattableString.Invariant($"The allowance lies between 0 and {CapacityPolicy.MaxOveragePercent} %");

    [Parameter, EditorRequired] public CapacityStatus Status { get; set; } = default!;

    /// <summary>Raised after a successful save with the new status.</summary>
    [Parameter] public EventCallback<LimitChangeResult> Saved { get; set; }

    [Inject] private CampaignService Campaigns { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private CapacityFormModel _form = new();
    private Guid _loadedFor;
    private LimitChangeImpact? _impact;
    private string? _previewError;
    private bool _saving;

    protected override void OnParametersSet()
    {
        if (_loadedFor == Status.CampaignId) return;
        _loadedFor = Status.CampaignId;
        Reset();
    }

    private void Reset()
    {
        _form = CapacityFormModel.From(Status);
        _impact = null;
        _previewError = null;
    }

    private async Task PreviewAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var result = await Campaigns.PreviewLimitChangeAsync(actor, Status.CampaignId, _form.ToChange(Status));
        _impact = result.IsSuccess ? result.Value : null;
        _previewError = result.IsSuccess ? null : NotificationExtensions.Describe(result.Error);
    }

    private async Task SaveAsync(CapacityFormModel form)
    {
        _saving = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var result = await Campaigns.ChangeLimitsAsync(actor, Status.CampaignId, form.ToChange(Status));
            if (!result.IsSuccess)
            {
                Notifications.NotifyError("Capacity not changed", result.Error);
                return;
            }
            var changed = result.Value.Impact.Changes.Count;
            if (changed == 0)
            {
                Notifications.NotifyWarning("Nothing to save", "No limit differs from the current values.");
                return;
            }
            Notifications.NotifySuccess("Capacity changed", changed == 1 ? "1 field changed." : $"{changed} fields changed.");
            _form = CapacityFormModel.From(result.Value.Status);
            _impact = null;
            _previewError = null;
            await Saved.InvokeAsync(result.Value);
        }
        finally
        {
            _saving = false;
        }
    }
}
