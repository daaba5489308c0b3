using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

public enum MembershipAction
{
    RecordPayment,
    Approve,
    Reassign,
    ChangeExpiry,
    Revoke,
    Reactivate,
}

/// <summary>
/// Memberships, filtered, sorted and paged in SQL (<see cref="MembershipService.ListRowsAsync"/>), with every filter and
/// the sort in the URL so a view can be shared. CS and Administrators join, record payments, approve, revoke (with a
/// reason), reactivate, reassign (preview, then confirm) and change expiry; Sales read only.
/// </summary>
public partial class MembershipList
{
    [Inject] private MembershipService Memberships { get; set; } = default!;
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private GeographyService Geography { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? Cell { get; set; }
    [SupplyParameterFromQuery] public string? Designation { get; set; }
    [SupplyParameterFromQuery] public string? Level { get; set; }
    [SupplyParameterFromQuery] public string? Zone { get; set; }
    [SupplyParameterFromQuery] public string? State { get; set; }
    [SupplyParameterFromQuery] public string? Status { get; set; }
    [SupplyParameterFromQuery] public string? Seat { get; set; }
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery] public string? Dir { get; set; }

    private MudDataGrid<MembershipRow>? _grid;
    private Actor? _actor;
    private bool _canEdit;
    private bool _busy;
    private int _total;
    private IReadOnlyList<CellView> _cells = [];
    private IReadOnlyList<DesignationView> _designations = [];
    private IReadOnlyList<StateView> _states = [];

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canEdit = _actor.May(Permission.EditCapacity);
        _cells = await Catalog.ListCellsAsync(_actor).OrEmpty();
        _designations = await Catalog.ListDesignationsAsync(_actor).OrEmpty();
        _states = await Geography.ListStatesAsync(_actor).OrEmpty();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string CellName(string? code) => _cells.FirstOrDefault(c => c.Code == code)?.Name ?? code ?? "";

    private string DesignationName(string? code) => _designations.FirstOrDefault(d => d.Code == code)?.Name ?? code ?? "";

    private static string SortName(string? sort) => sort switch
    {
        nameof(MembershipSort.MemberRef) => "Member",
        nameof(MembershipSort.Cell) => "Cell",
        nameof(MembershipSort.Designation) => "Designation",
        nameof(MembershipSort.Level) => "Level",
        nameof(MembershipSort.Status) => "Status",
        nameof(MembershipSort.SeatSequence) => "Seat",
        nameof(MembershipSort.ExpiresAt) => "Expiry",
        _ => "Joined",
    };

    private static Color StatusColor(MembershipStatus status) => status switch
    {
        MembershipStatus.ACTIVE => Color.Success,
        MembershipStatus.PENDING_APPROVAL or MembershipStatus.PENDING_PAYMENT => Color.Warning,
        MembershipStatus.REVOKED => Color.Error,
        _ => Color.Default,
    };

    private MembershipFilter Filter => new(Cell, Designation,
        Level: Enum.TryParse<Level>(Level, out var level) ? level : null, Zone: Zone, State: State,
        Status: Enum.TryParse<MembershipStatus>(Status, out var status) ? status : null,
        HoldsSeat: Seat switch { "held" => true, "none" => false, _ => null },
        Search: Q);

    private async Task<GridData<MembershipRow>> LoadAsync(GridState<MembershipRow> state, CancellationToken ct)
    {
        _actor ??= await CurrentActor.GetAsync();
        var sort = Enum.TryParse<MembershipSort>(Sort, out var s) ? s : MembershipSort.CreatedAt;
        var result = await Memberships.ListRowsAsync(_actor, Filter, new PageRequest(state.Page + 1, state.PageSize), sort, Dir != "asc", ct);
        if (!result.IsSuccess)
        {
            Snackbar.NotifyError("Memberships not loaded", result.Error);
            return new GridData<MembershipRow> { Items = [], TotalItems = 0 };
        }
        _total = result.Value.Total;
        return new GridData<MembershipRow> { Items = result.Value.Items, TotalItems = result.Value.Total };
    }

    /// <summary>Applies a filter change: into the URL (replacing the entry, so Back leaves the page) and the grid's first page.</summary>
    private async Task SetAsync(Action change)
    {
        change();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = Q, ["cell"] = Cell, ["designation"] = Designation, ["level"] = Level, ["zone"] = Zone, ["state"] = State,
            ["status"] = Status, ["seat"] = Seat, ["sort"] = Sort, ["dir"] = Dir,
        }), replace: true);
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Opens the join dialog on the scope the filters name, so a filtered view joins into what it shows.</summary>
    private async Task JoinAsync()
    {
        var level = Enum.TryParse<Level>(Level, out var l) ? l : (Level?)null;
        var units = UnitChoice.Of(Enum.TryParse<Zone>(Zone, out var z) ? z : null, State, null, null);
        if (level is { } lv) units.TrimTo(lv);
        if (await MembershipJoinDialog.OpenAsync(Dialogs, Cell, Designation, level, units) is not null) await ReloadAsync();
    }

    private async Task ActAsync((MembershipRow Row, MembershipAction Action) request)
    {
        var (row, action) = request;
        var changed = action switch
        {
            MembershipAction.RecordPayment => await MembershipPaymentDialog.OpenAsync(Dialogs, row),
            MembershipAction.Reassign => await MembershipReassignDialog.OpenAsync(Dialogs, row),
            MembershipAction.ChangeExpiry => await MembershipExpiryDialog.OpenAsync(Dialogs, row),
            MembershipAction.Approve => await ChangeAsync(row, "Approve membership", "The membership becomes active.", "Approve", false,
                (actor, reason) => Memberships.ApproveAsync(actor, row.Membership.Id, reason), "approved"),
            MembershipAction.Revoke => await ChangeAsync(row, "Revoke membership", "The seat is freed at once; the member loses the designation.", "Revoke", true,
                (actor, reason) => Memberships.RevokeAsync(actor, row.Membership.Id, reason), "revoked"),
            _ => await ChangeAsync(row, "Reactivate membership", "Seats are checked exactly as for a join; the member gets the lowest free seat.", "Reactivate", false,
                (actor, reason) => Memberships.ReactivateAsync(actor, row.Membership.Id, reason), "reactivated"),
        };
        if (changed) await ReloadAsync();
    }

    /// <summary>Confirm with a reason, call the one service method, report the result.</summary>
    private async Task<bool> ChangeAsync(MembershipRow row, string title, string effect, string action, bool danger,
        Func<Actor, string, Task<Result<MembershipView>>> change, string done)
    {
        var m = row.Membership;
        var confirmed = await Dialogs.ConfirmAsync(title,
            $"{action} {m.MemberRef} ({row.DesignationName}, {row.CellName})? {effect}", action, requireReason: true, danger: danger);
        if (confirmed?.Reason is not { } reason || _actor is null) return false;
        _busy = true;
        try
        {
            var result = await change(_actor, reason);
            if (!result.IsSuccess)
            {
                Snackbar.NotifyError($"{m.MemberRef} not {done}", result.Error);
                return false;
            }
            Snackbar.NotifySuccess($"{m.MemberRef} {done}: {MembershipText.Status(result.Value.Status).ToLowerInvariant()}, seat {result.Value.SeatSequence}.");
            return true;
        }
        finally
        {
            _busy = false;
        }
    }
}
