using CapacityAdmin.Web.Components.Shared;
using System.Globalization;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The designation editor: every changed value goes to <see cref="MembershipCatalogService.SaveDesignationAsync"/>
/// in one call (all or nothing); a refusal shows at the field it names. Clearing an override asks first.
/// </summary>
public partial class DesignationEditDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public DesignationView Designation { get; set; } = default!;

    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string? _capacity;
    private string? _fee;
    private string? _validity;
    private readonly Dictionary<Level, string?> _overrides = [];
    private string? _reason;
    private string? _error;
    private Dictionary<string, string> _serverErrors = [];
    private bool _tried;
    private bool _saving;

    /// <summary>Opens the editor; true when the designation was saved.</summary>
    public static async Task<bool> OpenAsync(IDialogService dialogs, DesignationView designation)
    {
        var dialog = await dialogs.ShowAsync<DesignationEditDialog>($"Edit {designation.Name}",
            new DialogParameters<DesignationEditDialog> { { d => d.Designation, designation } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    protected override void OnInitialized()
    {
        _capacity = NumberInput.Text(Designation.DefaultCapacity);
        _fee = NumberInput.Text(Designation.Fee);
        _validity = NumberInput.Text(Designation.ValidityDays);
        foreach (var level in Enum.GetValues<Level>())
            _overrides[level] = Designation.LevelCapacities.TryGetValue(level, out var c) ? NumberInput.Text(c) : "";
    }

    private string? FeeError => NumberInput.MoneyError(_fee, 10_000_000m) ?? ServerError("fee");

    private string? ServerError(string field) => _serverErrors.GetValueOrDefault(field);

    private bool IsCleared(Level level) => Designation.LevelCapacities.ContainsKey(level) && string.IsNullOrWhiteSpace(_overrides[level]);

    private bool HasInputErrors =>
        NumberInput.WholeError(_capacity, 0, 1_000_000, false) is not null || NumberInput.MoneyError(_fee, 10_000_000m) is not null
        || NumberInput.WholeError(_validity, 1, 36500, false) is not null
        || _overrides.Values.Any(v => NumberInput.WholeError(v, 0, 1_000_000, true) is not null);

    /// <summary>The edit with only what differs from the saved designation.</summary>
    private (DesignationEdit Edit, List<string> Changes) Build()
    {
        var d = Designation;
        var changes = new List<string>();
        int? capacity = NumberInput.Whole(_capacity) is { } c && c != d.DefaultCapacity ? c : null;
        decimal? fee = NumberInput.Money(_fee) is { } f && f != d.Fee ? f : null;
        int? validity = NumberInput.Whole(_validity) is { } v && v != d.ValidityDays ? v : null;
        if (capacity is not null) changes.Add($"Default capacity: {d.DefaultCapacity} → {capacity}");
        if (fee is not null) changes.Add($"Fee: {MembershipText.Money(d.Fee)} → {MembershipText.Money(fee.Value)}");
        if (validity is not null) changes.Add($"Validity: {d.ValidityDays} → {validity} days");
        var overrides = new Dictionary<Level, int?>();
        foreach (var (level, text) in _overrides)
        {
            var old = d.LevelCapacities.TryGetValue(level, out var o) ? o : (int?)null;
            var value = NumberInput.Whole(text);
            if (value == old) continue;
            overrides[level] = value;
            changes.Add(value is null
                ? $"{MembershipText.Level(level)} override: {old} → cleared (default applies)"
                : $"{MembershipText.Level(level)} override: {(old?.ToString(CultureInfo.InvariantCulture) ?? "default")} → {value}");
        }
        return (new DesignationEdit(capacity, fee, validity, overrides.Count > 0 ? overrides : null, _reason), changes);
    }

    private async Task SaveAsync()
    {
        _tried = true;
        _error = null;
        _serverErrors = [];
        if (HasInputErrors || string.IsNullOrWhiteSpace(_reason)) return;
        var (edit, changes) = Build();
        if (changes.Count == 0)
        {
            _error = "Nothing to save: no value differs from the saved designation.";
            return;
        }
        var cleared = Enum.GetValues<Level>().Where(IsCleared).ToList();
        if (cleared.Count > 0)
        {
            var confirmed = await Dialogs.ConfirmAsync(cleared.Count == 1 ? "Clear override" : "Clear overrides",
                $"The default capacity ({_capacity}) will apply again at {string.Join(", ", cleared.Select(MembershipText.Level))}.",
                cleared.Count == 1 ? "Clear override" : "Clear overrides", danger: true, changes: changes);
            if (confirmed is null) return;
        }
        _saving = true;
        try
        {
            var result = await Catalog.SaveDesignationAsync(await CurrentActor.GetAsync(), Designation.Code, edit);
            if (!result.IsSuccess)
            {
                _serverErrors = MembershipText.FieldErrors(result.Error);
                if (_serverErrors.Count == 0) _error = MembershipText.Refusal(result.Error);
                return;
            }
            Snackbar.NotifySuccess($"{Designation.Name} saved: {string.Join("; ", changes)}.");
            Dialog.Close(DialogResult.Ok(true));
        }
        finally
        {
            _saving = false;
        }
    }
}
