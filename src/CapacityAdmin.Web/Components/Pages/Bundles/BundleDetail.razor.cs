using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Pages.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Bundles;

/// <summary>
/// A bundle: its capacity gauge and totals (both from <see cref="BundleStatus.CapacityUtilizationPercent"/>, the one figure enforcement
/// uses; the quota figure is labelled as what it is), the split of shares over its campaigns, its timeline; CS changes the capacity with
/// a reason, a live preview and an explicit confirmation when usage would stay above the new capacity.
/// </summary>
public partial class BundleDetail
{
    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string> { ["capacity"] = "Capacity", ["reason"] = "Reason" };

    [Parameter] public Guid Id { get; set; }

    [Inject] private BundleService Bundles { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private Actor _actor = default!;
    private BundleStatus? _bundle;
    private bool _notFound;
    private bool _saving;
    private bool _submitted;
    private string? _capacityText;
    private string? _reason;
    private string? _general;
    private Dictionary<string, string> _serverErrors = new(StringComparer.OrdinalIgnoreCase);
    private LimitChangeImpact? _impact;
    private MudDataGrid<AuditEntryView>? _timeline;

    // Only the way back: the page's own name is its heading (a disabled last crumb renders as a low-contrast link).
    private List<BreadcrumbItem> Breadcrumbs => [new("Bundles", href: "bundles")];

    /// <summary>The gauge: places used against capacity, the same figure as the totals card.</summary>
    private CapacityFigure Figure => CapacityDisplay.BundleFigure(_bundle!, "Bundle capacity");

    private (decimal? Value, string? Error) Parsed => NumberInput.Parse(_capacityText, 0, Bundle.MaxCapacity, 0);

    private string? CapacityError => _serverErrors.GetValueOrDefault("capacity") ?? Parsed.Error;

    private string? ReasonError => _serverErrors.GetValueOrDefault("reason")
        ?? (_submitted && string.IsNullOrWhiteSpace(_reason) ? "A reason is required for every capacity change" : null);

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        var result = await Bundles.GetStatusAsync(_actor, Id);
        if (!result.IsSuccess)
        {
            _bundle = null;
            _notFound = result.Error.Kind == ErrorKind.NotFound;
            if (!_notFound) Snackbar.NotifyError("Bundle not loaded", result.Error);
            return;
        }
        _notFound = false;
        Load(result.Value);
    }

    private void Load(BundleStatus bundle)
    {
        _bundle = bundle;
        _capacityText = NumberInput.Text(bundle.Capacity);
        _reason = null;
        _impact = null;
        _submitted = false;
        _general = null;
        _serverErrors = new(StringComparer.OrdinalIgnoreCase);
    }

    private async Task OnCapacityChangedAsync(string? text)
    {
        _capacityText = text;
        _serverErrors.Remove("capacity");
        _general = null;
        _impact = null;
        if (Parsed.Value is not { } capacity) return;
        var preview = await Bundles.PreviewCapacityAsync(_actor, Id, (int)capacity);
        if (preview.IsSuccess) _impact = preview.Value;
        else ShowRefusal(preview.Error);
    }

    private async Task SaveAsync()
    {
        _submitted = true;
        _serverErrors = new(StringComparer.OrdinalIgnoreCase);
        _general = null;
        if (Parsed.Value is not { } value || ReasonError is not null) return;
        var capacity = (int)value;
        _saving = true;
        try
        {
            var preview = await Bundles.PreviewCapacityAsync(_actor, Id, capacity);
            if (!preview.IsSuccess)
            {
                ShowRefusal(preview.Error);
                return;
            }
            _impact = preview.Value;
            if (preview.Value.Changes.Count == 0)
            {
                _general = "Nothing to save: the capacity is unchanged.";
                return;
            }
            if (preview.Value.BelowUsage)
            {
                var confirmed = await Dialogs.ShowMessageBoxAsync("Usage stays above the new capacity",
                    CapacityDisplay.ImpactText(preview.Value, 0m) + ". Shrink the bundle anyway?", yesText: "Shrink anyway", cancelText: "Cancel");
                if (confirmed != true) return;
            }
            var result = await Bundles.ChangeAsync(_actor, Id, new BundleChange(Capacity: capacity, Reason: _reason));
            if (!result.IsSuccess)
            {
                ShowRefusal(result.Error);
                return;
            }
            Load(result.Value);
            Snackbar.NotifySuccess($"Bundle capacity changed: it now holds {CapacityDisplay.Number(result.Value.Capacity)} places.");
            if (_timeline is not null) await _timeline.ReloadServerData();
        }
        finally
        {
            _saving = false;
        }
    }

    private void ShowRefusal(DomainError error)
    {
        var (fields, general) = NumberInput.Split(error, Labels);
        _serverErrors = fields;
        _general = general;
    }

    private async Task<GridData<AuditEntryView>> LoadTimelineAsync(GridState<AuditEntryView> state, CancellationToken ct)
    {
        var result = await Bundles.GetTimelineAsync(_actor, Id, state.Page + 1, state.PageSize, ct);
        if (result.IsSuccess) return new GridData<AuditEntryView> { Items = result.Value.Items, TotalItems = result.Value.Total };
        Snackbar.NotifyError("Timeline not loaded", result.Error);
        return new GridData<AuditEntryView> { Items = [], TotalItems = 0 };
    }
}
