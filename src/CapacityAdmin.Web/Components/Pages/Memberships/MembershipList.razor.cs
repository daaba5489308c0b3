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
/// Memberships, newest first, paged and filtered in SQL (<see cref="MembershipService.ListAsync"/>). CS and
/// Administrators join members (dialog), approve, revoke, reactivate (each with a reason) and reassign (preview / apply).
/// Sales read the list only.
/// </summary>
public partial class MembershipList
{
    private static readonly HoldsSeatOption[] HoldsSeatOptions = [new("Holds a seat", true), new("No seat", false)];

    [Inject] private MembershipService Memberships { get; set; } = default!;
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private RadzenDataGrid<MembershipView>? _grid;
    private Actor? _actor;
    private IReadOnlyList<CellView> _cells = [];
    private IReadOnlyList<DesignationView> _designations = [];
    private IReadOnlyList<MembershipView>? _items;
    private int _count;
    private bool _loading;
    private bool _busy;

    private string? _memberRef;
    private string? _cell;
    private string? _designation;
    private Level? _level;
    private readonly UnitChoice _units = new();
    private MembershipStatus? _status;
    private bool? _holdsSeat;

    protected override async Task OnInitializedAsync()
    {
        _cells = await Catalog.ListCellsAsync();
        _designations = await Catalog.ListDesignationsAsync();
        _actor = await CurrentActor.GetAsync();
    }

    private MembershipFilter Filter => new(_cell, _designation, _level, _units.Zone?.ToString(), _units.State, _units.District, _units.Mandal,
        _status, _holdsSeat, _memberRef);

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        if (_actor is null) return;
        _loading = true;
        var pageSize = args.Top is > 0 ? args.Top.Value : 20;
        var result = await Memberships.ListAsync(_actor, Filter, new PageRequest((args.Skip ?? 0) / pageSize + 1, pageSize));
        _loading = false;
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Memberships not loaded", result.Error);
            return;
        }
        _items = result.Value.Items;
        _count = result.Value.Total;
    }

    private async Task ApplyFiltersAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    /// <summary>Opens the join dialog on the scope the filters name, so a filtered view joins into what it shows.</summary>
    private async Task JoinAsync()
    {
        var outcome = await MembershipJoinDialog.OpenAsync(Dialogs, _cell, _designation, _level, _units);
        if (outcome is not null) await ApplyFiltersAsync();
    }

    private async Task ReassignAsync(MembershipView m)
    {
        if (await MembershipReassignDialog.OpenAsync(Dialogs, m) is not null && _grid is not null) await _grid.Reload();
    }

    private Task ApproveAsync(MembershipView m) =>
        ChangeAsync(m, "Approve membership", $"Approve {m.MemberRef} ({m.Designation}, {m.Cell})? The membership becomes active.", "Approve",
            false, (actor, reason) => Memberships.ApproveAsync(actor, m.Id, reason), "Approved");

    private Task RevokeAsync(MembershipView m) =>
        ChangeAsync(m, "Revoke membership", $"Revoke {m.MemberRef} ({m.Designation}, {m.Cell})? The seat is freed at once.", "Revoke",
            true, (actor, reason) => Memberships.RevokeAsync(actor, m.Id, reason), "Revoked");

    private Task ReactivateAsync(MembershipView m) =>
        ChangeAsync(m, "Reactivate membership", $"Reactivate {m.MemberRef} ({m.Designation}, {m.Cell})? Seats are checked exactly as for a join.",
            "Reactivate", false, (actor, reason) => Memberships.ReactivateAsync(actor, m.Id, reason), "Reactivated");

    /// <summary>Confirm with a reason, call the one service method, report the result, refresh the page of the grid.</summary>
    private async Task ChangeAsync(MembershipView m, string title, string message, string action, bool danger,
        Func<Actor, string, Task<Result<MembershipView>>> change, string done)
    {
        var reason = await MembershipReasonDialog.AskAsync(Dialogs, title, message, action, danger: danger);
        if (reason is null || _actor is null) return;
        _busy = true;
        try
        {
            var result = await change(_actor, reason);
            if (!result.IsSuccess)
            {
                Notifications.NotifyError(MembershipDisplay.Refusal($"{m.MemberRef} not changed", result.Error), result.Error);
                return;
            }
            Notifications.NotifySuccess(done, $"{m.MemberRef}: {MembershipDisplay.Status(result.Value.Status)}, seat {result.Value.SeatSequence}.");
            if (_grid is not null) await _grid.Reload();
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed record HoldsSeatOption(string Text, bool Value);
}
