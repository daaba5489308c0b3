using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The advanced rows (STATE / DISTRICT / MANDAL) of <see cref="MembershipCatalogService"/>: a grid per level with
/// <c>used</c> for unit rows, add and edit in <see cref="LevelCapacityRowDialog"/>, delete with a reason.
/// </summary>
public partial class LevelCapacityRows
{
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private RadzenDataGrid<LevelCapacityView>? _grid;
    private Actor? _actor;
    private IReadOnlyList<CellView> _cells = [];
    private IReadOnlyList<LevelCapacityView>? _items;
    private int _count;
    private bool _loading;
    private Level _level = Level.STATE;
    private string? _cell;

    protected override async Task OnInitializedAsync()
    {
        _cells = await Catalog.ListCellsAsync();
        _actor = await CurrentActor.GetAsync();
    }

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        _actor ??= await CurrentActor.GetAsync();
        _loading = true;
        var pageSize = args.Top is > 0 ? args.Top.Value : 20;
        var result = await Catalog.ListLevelCapacitiesAsync(_actor, _cell, _level, new PageRequest((args.Skip ?? 0) / pageSize + 1, pageSize));
        _loading = false;
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Caps not loaded", result.Error);
            return;
        }
        _items = result.Value.Items;
        _count = result.Value.Total;
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private static string Describe(LevelCapacityView r) =>
        $"{r.Cell} {r.Level} {UnitChoice.Describe(r.Level, r.Zone, r.State, r.District, r.Mandal)}";

    private async Task AddAsync()
    {
        if (await LevelCapacityRowDialog.OpenAsync(Dialogs, null, _cell, _level) is not null) await ReloadAsync();
    }

    private async Task EditAsync(LevelCapacityView row)
    {
        if (await LevelCapacityRowDialog.OpenAsync(Dialogs, row, row.Cell, row.Level) is not null) await ReloadAsync();
    }

    private async Task DeleteAsync(LevelCapacityView row)
    {
        var reason = await MembershipReasonDialog.AskAsync(Dialogs, "Delete cap",
            $"Delete the cap of {row.Capacity} for {Describe(row)}? Joins there are then limited by their designation only (and any wider blanket cap).",
            "Delete", danger: true);
        if (reason is null || _actor is null) return;
        var key = new LevelCapacityKey(row.Cell, row.Level, row.Zone?.ToString(), row.State, row.District, row.Mandal);
        var result = await Catalog.DeleteLevelCapacityAsync(_actor, key, reason);
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Cap not deleted", result.Error);
            return;
        }
        Notifications.NotifySuccess("Cap deleted", Describe(row));
        await ReloadAsync();
    }
}
