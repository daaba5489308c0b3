using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>Add (no <see cref="Row"/>) or edit (capacity only; the key is fixed) an advanced cap row, saved as a one-entry batch.</summary>
public partial class LevelCapacityRowDialog
{
    private static readonly Level[] AdvancedLevels = [Level.STATE, Level.DISTRICT, Level.MANDAL];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter] public LevelCapacityView? Row { get; set; }
    [Parameter] public string? Cell { get; set; }
    [Parameter] public Level Level { get; set; } = Level.STATE;

    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private GeographyService Geography { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<CellView> _cells = [];
    private string? _cell;
    private Level _level = Level.STATE;
    private UnitChoice _units = new();
    private string? _capacity;
    private string? _capacityError;
    private string? _reason;
    private string? _error;
    private bool _tried;
    private bool _saving;

    private bool IsEdit => Row is not null;

    /// <summary>Opens the dialog; true when a cap was saved.</summary>
    public static async Task<bool> OpenAsync(IDialogService dialogs, LevelCapacityView? row, string? cell, Level level)
    {
        var parameters = new DialogParameters<LevelCapacityRowDialog> { { d => d.Row, row }, { d => d.Cell, cell }, { d => d.Level, level } };
        var dialog = await dialogs.ShowAsync<LevelCapacityRowDialog>(row is null ? "Add cap" : "Edit cap", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    protected override async Task OnInitializedAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _cells = await Catalog.ListCellsAsync(actor).OrEmpty();
        _cell = Row?.Cell ?? Cell;
        _level = Row?.Level ?? (AdvancedLevels.Contains(Level) ? Level : Level.STATE);
        _capacity = NumberInput.Text(Row?.Capacity);
        _units = Row is { } r ? UnitChoice.Of(null, r.State, r.District, r.Mandal) : new UnitChoice();
        // A district or mandal row names its ancestors only through the unit itself; the pickers need them to cascade.
        if (Row is { Mandal: { } mandal })
        {
            var m = (await Geography.ListMandalsAsync(actor).OrEmpty()).FirstOrDefault(x => x.Code == mandal);
            (_units.State, _units.District) = (m?.StateCode, m?.DistrictCode);
        }
        else if (Row is { District: { } district })
        {
            _units.State = (await Geography.ListDistrictsAsync(actor).OrEmpty()).FirstOrDefault(x => x.Code == district)?.StateCode;
        }
    }

    private void OnLevel(Level level)
    {
        _level = level;
        _units.TrimTo(level);
    }

    private async Task SaveAsync()
    {
        _tried = true;
        _error = null;
        _capacityError = null;
        if (_cell is null || string.IsNullOrWhiteSpace(_reason) || NumberInput.WholeError(_capacity, 0, 1_000_000, false) is not null) return;
        _saving = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var edit = new LevelCapacityEdit(_units.KeyFor(_cell, _level), NumberInput.Whole(_capacity));
            var result = await Catalog.SaveLevelCapacitiesAsync(actor, new LevelCapacityBatchRequest([edit], _reason));
            if (!result.IsSuccess)
            {
                if (result.Error.Errors?.Values.FirstOrDefault()?.FirstOrDefault() is { } message && message.Contains("capacity", StringComparison.OrdinalIgnoreCase))
                    _capacityError = MembershipText.Humanize(message.Split(": ", 2).Last());
                else
                    _error = MembershipText.Refusal(result.Error);
                return;
            }
            Snackbar.NotifySuccess("Cap saved.");
            Dialog.Close(DialogResult.Ok(true));
        }
        finally
        {
            _saving = false;
        }
    }
}
