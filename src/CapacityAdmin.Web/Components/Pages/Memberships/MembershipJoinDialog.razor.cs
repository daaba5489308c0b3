using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The join dialog: every change of the scope asks <see cref="MembershipService.GetAvailabilityAsync"/> for both limits
/// (an unlocked read); Join calls <see cref="MembershipService.JoinAsync"/>, which decides again under the locks.
/// A refusal stays in the dialog so the person can change the scope and try again; a join closes it.
/// </summary>
public partial class MembershipJoinDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>A scope to start from (the list's filters).</summary>
    [Parameter] public string? Cell { get; set; }
    [Parameter] public string? Designation { get; set; }
    [Parameter] public Level? Level { get; set; }
    [Parameter] public UnitChoice? Units { get; set; }

    [Inject] private MembershipService Memberships { get; set; } = default!;
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<CellView> _cells = [];
    private IReadOnlyList<DesignationView> _designations = [];
    private readonly MembershipScopeFields.ScopeChoice _scope = new();
    private string? _memberRef;
    private bool _activate;
    private MembershipAvailability? _availability;
    private string? _availabilityError;
    private DomainError? _refusal;
    private bool _busy;
    private bool _tried;
    private int _availabilityVersion;

    /// <summary>Opens the dialog; the outcome of the join, or null when cancelled.</summary>
    public static async Task<JoinOutcome?> OpenAsync(IDialogService dialogs, string? cell = null, string? designation = null, Level? level = null, UnitChoice? units = null)
    {
        var parameters = new DialogParameters<MembershipJoinDialog>
        {
            { d => d.Cell, cell }, { d => d.Designation, designation }, { d => d.Level, level }, { d => d.Units, units?.Copy() },
        };
        var dialog = await dialogs.ShowAsync<MembershipJoinDialog>("Join a member", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return (await dialog.Result)?.Data as JoinOutcome;
    }

    protected override async Task OnInitializedAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _cells = await Catalog.ListCellsAsync(actor).OrEmpty();
        _designations = await Catalog.ListDesignationsAsync(actor).OrEmpty();
        (_scope.Cell, _scope.Designation, _scope.Level) = (Cell, Designation, Level ?? Domain.Geography.Level.NATIONAL);
        _scope.Units = Units?.Copy() ?? new UnitChoice();
        _scope.Units.TrimTo(_scope.Level);
        await RefreshAvailabilityAsync();
    }

    /// <summary>Both limits of the chosen scope; answers of an older selection are dropped.</summary>
    private async Task RefreshAvailabilityAsync()
    {
        _refusal = null;
        var version = ++_availabilityVersion;
        if (!_scope.IsComplete)
        {
            _availability = null;
            _availabilityError = null;
            return;
        }
        var result = await Memberships.GetAvailabilityAsync(await CurrentActor.GetAsync(), _scope.ToScope());
        if (version != _availabilityVersion) return;
        _availability = result.IsSuccess ? result.Value : null;
        _availabilityError = result.IsSuccess ? null : MembershipText.Refusal(result.Error);
    }

    private async Task JoinAsync()
    {
        _tried = true;
        if (string.IsNullOrWhiteSpace(_memberRef)) return;
        _busy = true;
        _refusal = null;
        try
        {
            var result = await Memberships.JoinAsync(await CurrentActor.GetAsync(), new JoinMembershipRequest(_memberRef, _scope.ToScope(), _activate));
            if (!result.IsSuccess)
            {
                await RefreshAvailabilityAsync();
                _refusal = result.Error;
                return;
            }
            var m = result.Value.Membership;
            if (result.Value.Existing)
                Snackbar.Add($"{m.MemberRef} already holds seat {m.SeatSequence} in this scope ({MembershipText.Status(m.Status).ToLowerInvariant()}).", Severity.Warning);
            else
                Snackbar.NotifySuccess($"{m.MemberRef} joined: seat {m.SeatSequence}, {MembershipText.Status(m.Status).ToLowerInvariant()}.");
            Dialog.Close(DialogResult.Ok(result.Value));
        }
        finally
        {
            _busy = false;
        }
    }
}
