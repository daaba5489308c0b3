using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>
/// Edits a campaign's limits: every change of a field asks <see cref="CampaignService.PreviewLimitChangeAsync"/> for the
/// impact (nothing is written); Save previews once more and, when usage would stay above the new limit, asks for an explicit
/// confirmation before <see cref="CampaignService.ChangeLimitsAsync"/> runs with the required reason.
/// </summary>
public partial class CampaignCapacityForm
{
    /// <summary>One number field: its domain name (the key of server errors), label, bounds and decimals.</summary>
    internal sealed record FieldSpec(string Key, string Label, decimal Min, decimal Max, int Decimals, string Help);

    /// <summary>Domain field names to human labels, for the preview's change list and server refusals.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["committedSeats"] = "Committed seats",
        ["creditAllocation"] = "Credit allocation",
        ["learnersCommitted"] = "Learners committed",
        ["bundleShare"] = "Bundle share",
        ["targetVolunteers"] = "Target volunteers",
        ["targetBeneficiaries"] = "Target beneficiaries",
        ["overagePercent"] = "Overage allowance",
        ["reason"] = "Reason",
        ["status"] = "Status",
    };

    private static readonly string PlacesHelp = $"Whole number, 0 to {NumberInput.Format(Campaign.MaxPlaces, 0)}";

    [Parameter, EditorRequired] public CapacityStatus Status { get; set; } = default!;

    /// <summary>Raised after a successful save with the new status.</summary>
    [Parameter] public EventCallback<LimitChangeResult> Saved { get; set; }

    [Inject] private CampaignService Campaigns { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private readonly Dictionary<string, string?> _text = [];
    private Dictionary<string, string> _serverErrors = new(StringComparer.OrdinalIgnoreCase);
    private string? _reason;
    private string? _general;
    private Guid _loadedFor;
    private LimitChangeImpact? _impact;
    private bool _saving;
    private bool _submitted;

    private decimal? OverageValue => Parsed("overagePercent");

    internal IReadOnlyList<FieldSpec> Fields => FieldsOf(Status);

    internal static IReadOnlyList<FieldSpec> FieldsOf(CapacityStatus s)
    {
        var fields = new List<FieldSpec>();
        switch (s.PricingModel)
        {
            case PricingModel.Seats: fields.Add(new("committedSeats", "Committed seats", 0, Campaign.MaxPlaces, 0, PlacesHelp)); break;
            case PricingModel.Credits:
                fields.Add(new("creditAllocation", "Credit allocation", 0, Credits.MaxAmount, 2, "Credits, up to 2 decimals")); break;
            case PricingModel.Iaas: fields.Add(new("learnersCommitted", "Learners committed", 0, Campaign.MaxPlaces, 0, PlacesHelp)); break;
            case PricingModel.Bundle when s.Bundle is not null:
                fields.Add(new("bundleShare", "Bundle share", 0.000001m, 1m, 6, "Part of the bundle, above 0 and at most 1 (0.25 = a quarter)")); break;
        }
        fields.Add(new("targetVolunteers", "Target volunteers", 0, Campaign.MaxPlaces, 0, PlacesHelp));
        fields.Add(new("targetBeneficiaries", "Target beneficiaries", 0, Campaign.MaxPlaces, 0, PlacesHelp));
        fields.Add(new("overagePercent", "Overage allowance (%)", 0, CapacityPolicy.MaxOveragePercent, 2,
            $"Room above the limit, 0 to {NumberInput.Format(CapacityPolicy.MaxOveragePercent, 0)} %"));
        return fields;
    }

    protected override void OnParametersSet()
    {
        if (_loadedFor == Status.CampaignId) return;
        _loadedFor = Status.CampaignId;
        Reset();
    }

    private void Reset()
    {
        _text.Clear();
        _text["committedSeats"] = NumberInput.Text(Status.Seats?.Committed);
        _text["creditAllocation"] = NumberInput.Text(Status.Credits?.Allocated);
        _text["learnersCommitted"] = NumberInput.Text(Status.Iaas?.LearnersCommitted);
        _text["bundleShare"] = NumberInput.Text(Status.Bundle?.Share);
        _text["targetVolunteers"] = NumberInput.Text(Status.Volunteers.Target);
        _text["targetBeneficiaries"] = NumberInput.Text(Status.Beneficiaries.Target);
        _text["overagePercent"] = NumberInput.Text(Status.OveragePercent);
        _reason = null;
        _impact = null;
        _general = null;
        _submitted = false;
        _serverErrors = new(StringComparer.OrdinalIgnoreCase);
    }

    private string? ErrorOf(string key)
    {
        if (_serverErrors.TryGetValue(key, out var server)) return server;
        if (key == "reason") return _submitted && string.IsNullOrWhiteSpace(_reason) ? "A reason is required for every capacity change" : null;
        var spec = Fields.FirstOrDefault(f => f.Key == key);
        return spec is null ? null : NumberInput.Parse(_text.GetValueOrDefault(key), spec.Min, spec.Max, spec.Decimals).Error;
    }

    private decimal? Parsed(string key)
    {
        var spec = Fields.FirstOrDefault(f => f.Key == key);
        return spec is null ? null : NumberInput.Parse(_text.GetValueOrDefault(key), spec.Min, spec.Max, spec.Decimals).Value;
    }

    private async Task OnChangedAsync(string key, string? value)
    {
        _text[key] = value;
        _serverErrors.Remove(key);
        _general = null;
        await PreviewAsync();
    }

    /// <summary>The change for the domain: only the limits of the campaign's model, a share only when it moved.</summary>
    private CampaignLimitChange Change()
    {
        var share = Parsed("bundleShare");
        return new CampaignLimitChange(
            CommittedSeats: Status.PricingModel == PricingModel.Seats ? (int?)Parsed("committedSeats") : null,
            CreditAllocation: Status.PricingModel == PricingModel.Credits ? Parsed("creditAllocation") : null,
            LearnersCommitted: Status.PricingModel == PricingModel.Iaas ? (int?)Parsed("learnersCommitted") : null,
            TargetVolunteers: (int?)Parsed("targetVolunteers"),
            TargetBeneficiaries: (int?)Parsed("targetBeneficiaries"),
            BundleShare: Status.Bundle is not null && share != Status.Bundle.Share ? share : null,
            OveragePercent: Parsed("overagePercent"),
            Reason: _reason);
    }

    private async Task PreviewAsync()
    {
        if (!Fields.All(f => ErrorOf(f.Key) is null))
        {
            _impact = null;
            return;
        }
        var result = await Campaigns.PreviewLimitChangeAsync(await CurrentActor.GetAsync(), Status.CampaignId, Change());
        _impact = result.IsSuccess ? result.Value : null;
        if (!result.IsSuccess) ShowRefusal(result.Error);
    }

    private async Task SaveAsync()
    {
        _submitted = true;
        _serverErrors = new(StringComparer.OrdinalIgnoreCase);
        _general = null;
        if (!Fields.All(f => ErrorOf(f.Key) is null) || ErrorOf("reason") is not null) return;
        _saving = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var change = Change();
            var preview = await Campaigns.PreviewLimitChangeAsync(actor, Status.CampaignId, change);
            if (!preview.IsSuccess)
            {
                ShowRefusal(preview.Error);
                return;
            }
            _impact = preview.Value;
            if (preview.Value.Changes.Count == 0)
            {
                _general = "Nothing to save: no limit differs from the current values.";
                return;
            }
            if ((preview.Value.BelowUsage || preview.Value.NewFlags.IsOverCapacity) && !await ConfirmBelowUsageAsync(preview.Value)) return;

            var result = await Campaigns.ChangeLimitsAsync(actor, Status.CampaignId, change);
            if (!result.IsSuccess)
            {
                ShowRefusal(result.Error);
                return;
            }
            var changed = result.Value.Impact.Changes.Count;
            Snackbar.NotifySuccess($"Capacity changed: {(changed == 1 ? "1 field" : $"{changed} fields")}.");
            _loadedFor = Guid.Empty;
            await Saved.InvokeAsync(result.Value);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Usage stays above the new limit: the person confirms after reading the impact; Cancel changes nothing.</summary>
    private async Task<bool> ConfirmBelowUsageAsync(LimitChangeImpact impact)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Usage stays above the new limit",
            CapacityDisplay.ImpactText(impact, OverageValue ?? Status.OveragePercent) + ". Save this capacity anyway?",
            yesText: "Save anyway", cancelText: "Cancel");
        return confirmed == true;
    }

    private void ShowRefusal(DomainError error)
    {
        var (fields, general) = NumberInput.Split(error, Labels);
        _serverErrors = fields;
        _general = general;
    }

    private static string LabelOf(string field) => Labels.GetValueOrDefault(field, field);
}
