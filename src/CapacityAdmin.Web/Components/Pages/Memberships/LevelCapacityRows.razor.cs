using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The advanced rows (STATE / DISTRICT / MANDAL) of <see cref="MembershipCatalogService"/>: one level at a time, paged
/// in SQL, with <c>used</c> for unit rows; add and edit in <see cref="LevelCapacityRowDialog"/>, remove after a
/// confirmation with a reason (the batch save with one entry).
/// </summary>
public partial class LevelCapacityRows
{
    private static readonly Level[] AdvancedLevels = [Level.STATE, Level.DISTRICT, Level.MANDAL];

    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private GeographyService Geography { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<LevelCapacityView>? _grid;
    private Actor? _actor;
    private bool _canEdit;
    private IReadOnlyList<CellView> _cells = [];
    private Dictionary<string, string> _unitNames = [];
    private Level _level = Level.STATE;
    private string? _cell;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _cells = await Catalog.ListCellsAsync(_actor).OrEmpty();
        _canEdit = _actor.May(Permission.EditCapacity);
        foreach (var state in await Geography.ListStatesAsync(_actor!).OrEmpty()) _unitNames[state.Code] = state.Name;
    }

    private async Task<GridData<LevelCapacityView>> LoadAsync(GridState<LevelCapacityView> state, CancellationToken ct)
    {
        _actor ??= await CurrentActor.GetAsync();
        var result = await Catalog.ListLevelCapacitiesAsync(_actor, _cell, _level, new PageRequest(state.Page + 1, state.PageSize), ct);
        if (!result.IsSuccess)
        {
            Snackbar.NotifyError("Caps not loaded", result.Error);
            return new GridData<LevelCapacityView> { Items = [], TotalItems = 0 };
        }
        await NameUnitsAsync(result.Value.Items);
        return new GridData<LevelCapacityView> { Items = result.Value.Items, TotalItems = result.Value.Total };
    }

    /// <summary>District and mandal names of the rows on the page (states are loaded once).</summary>
    private async Task NameUnitsAsync(IReadOnlyList<LevelCapacityView> rows)
    {
        if (rows.Any(r => r.District is { } d && !_unitNames.ContainsKey(d)))
            foreach (var district in await Geography.ListDistrictsAsync(_actor!).OrEmpty()) _unitNames[district.Code] = district.Name;
        if (rows.Any(r => r.Mandal is { } m && !_unitNames.ContainsKey(m)))
            foreach (var mandal in await Geography.ListMandalsAsync(_actor!).OrEmpty()) _unitNames[mandal.Code] = mandal.Name;
    }

    private string CellName(string? code) => _cells.FirstOrDefault(c => c.Code == code)?.Name ?? code ?? "";

    private string UnitName(LevelCapacityView r)
    {
        var code = r.Mandal ?? r.District ?? r.State;
        return code is null ? $"each {MembershipText.Level(r.Level).ToLowerInvariant()} (blanket)" : _unitNames.GetValueOrDefault(code, code);
    }

    private string Describe(LevelCapacityView r) => $"{CellName(r.Cell)} {MembershipText.Level(r.Level)} {UnitName(r)}";

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnLevelAsync(Level level)
    {
        _level = level;
        return ReloadAsync();
    }

    private Task OnCellAsync(string? cell)
    {
        _cell = cell;
        return ReloadAsync();
    }

    private async Task AddAsync()
    {
        if (await LevelCapacityRowDialog.OpenAsync(Dialogs, null, _cell, _level)) await ReloadAsync();
    }

    private async Task EditAsync(LevelCapacityView row)
    {
        if (await LevelCapacityRowDialog.OpenAsync(Dialogs, row, row.Cell, row.Level)) await ReloadAsync();
    }

    private async Task DeleteAsync(LevelCapacityView row)
    {
        var confirmed = await Dialogs.ConfirmAsync("Remove cap",
            $"Remove the cap of {row.Capacity} for {Describe(row)}? Joins there are then limited by their designation only (and any wider cap).",
            "Remove cap", requireReason: true, danger: true);
        if (confirmed?.Reason is not { } reason || _actor is null) return;
        var key = new LevelCapacityKey(row.Cell, row.Level, row.Zone?.ToString(), row.State, row.District, row.Mandal);
        var result = await Catalog.SaveLevelCapacitiesAsync(_actor, new LevelCapacityBatchRequest([new LevelCapacityEdit(key, null)], reason));
        if (!result.IsSuccess)
        {
            Snackbar.NotifyError("Cap not removed", result.Error);
            return;
        }
        Snackbar.NotifySuccess($"Cap removed: {Describe(row)}.");
        await ReloadAsync();
    }
}
