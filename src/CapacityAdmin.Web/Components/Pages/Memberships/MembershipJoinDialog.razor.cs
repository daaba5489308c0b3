using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The join dialog: every change of the scope asks <see cref="MembershipService.GetAvailabilityAsync"/> for both limits
/// (an unlocked read); Join calls <see cref="MembershipService.JoinAsync"/>, which decides again under the locks.
/// A refusal stays in the dialog (and is notified) so the person can change the scope and try again; a join closes it
/// with the <see cref="JoinOutcome"/>.
/// </summary>
public partial class MembershipJoinDialog
{
    /// <summary>A scope to start from (the list's filters).</summary>
    [Parameter] public string? Cell { get; set; }
    [Parameter] public string? Designation { get; set; }
    [Parameter] public Level? Level { get; set; }
    [Parameter] public UnitChoice? Units { get; set; }

    [Inject] private MembershipService Memberships { get; set; } = default!;
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private IReadOnlyList<CellOption> _cells = [];
    private IReadOnlyList<DesignationView> _designations = [];
    private JoinForm _form = new();
    private MembershipAvailability? _availability;
    private string? _availabilityError;
    private DomainError? _refusal;
    private bool _busy;
    private int _availabilityVersion;

    public static async Task<JoinOutcome?> OpenAsync(DialogService dialogs, string? cell = null, string? designation = null, Level? level = null, UnitChoice? units = null) =>
        await dialogs.OpenAsync<MembershipJoinDialog>("Join a member", new Dictionary<string, object?>
        {
            [nameof(Cell)] = cell,
            [nameof(Designation)] = designation,
            [nameof(Level)] = level,
            [nameof(Units)] = units?.Copy(),
        }, new DialogOptions { Width = "52rem" }) as JoinOutcome;

    protected override async Task OnInitializedAsync()
    {
        _cells = (await Catalog.ListCellsAsync()).Select(c => new CellOption(c.Code, c.IsActive ? c.Name : $"{c.Name} (inactive)")).ToList();
        _designations = await Catalog.ListDesignationsAsync();
        _form = new JoinForm { Cell = Cell, Designation = Designation, Level = Level ?? Domain.Geography.Level.NATIONAL, Units = Units?.Copy() ?? new UnitChoice() };
        _form.Units.TrimTo(_form.Level);
        await RefreshAvailabilityAsync();
    }

    private Task OnCellAsync(string? cell)
    {
        _form.Cell = cell;
        return RefreshAvailabilityAsync();
    }

    private Task OnDesignationAsync(string? designation)
    {
        _form.Designation = designation;
        return RefreshAvailabilityAsync();
    }

    private Task OnLevelAsync(Level level)
    {
        _form.Level = level;
        _form.Units.TrimTo(level);
        return RefreshAvailabilityAsync();
    }

    /// <summary>Both limits of the chosen scope; answers of an older selection are dropped.</summary>
    private async Task RefreshAvailabilityAsync()
    {
        _refusal = null;
        var version = ++_availabilityVersion;
        if (_form.Cell is null || _form.Designation is null || !_form.Units.IsCompleteFor(_form.Level))
        {
            _availability = null;
            _availabilityError = null;
            return;
        }
        var actor = await CurrentActor.GetAsync();
        var result = await Memberships.GetAvailabilityAsync(actor, _form.Units.ScopeFor(_form.Cell, _form.Designation, _form.Level));
        if (version != _availabilityVersion) return;
        _availability = result.IsSuccess ? result.Value : null;
        _availabilityError = result.IsSuccess ? null : NotificationExtensions.Describe(result.Error);
    }

    private async Task JoinAsync(JoinForm form)
    {
        _busy = true;
        _refusal = null;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var request = new JoinMembershipRequest(form.MemberRef, form.Units.ScopeFor(form.Cell, form.Designation, form.Level), form.Activate);
            var result = await Memberships.JoinAsync(actor, request);
            if (!result.IsSuccess)
            {
                _refusal = result.Error;
                Notifications.NotifyError(MembershipDisplay.Refusal("Not joined", result.Error), result.Error);
                await RefreshAvailabilityAsync();
                _refusal = result.Error;
                return;
            }
            var m = result.Value.Membership;
            if (result.Value.Existing)
                Notifications.NotifyWarning("Already a member", $"{m.MemberRef} already holds seat {m.SeatSequence} in this scope ({MembershipDisplay.Status(m.Status)}).");
            else
                Notifications.NotifySuccess("Member joined", $"{m.MemberRef}: seat {m.SeatSequence}, {MembershipDisplay.Status(m.Status)}.");
            Dialogs.Close(result.Value);
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed record CellOption(string Code, string Text);

    private sealed class JoinForm
    {
        public string? MemberRef { get; set; }
        public string? Cell { get; set; }
        public string? Designation { get; set; }
        public Level Level { get; set; }
        public UnitChoice Units { get; set; } = new();
        public bool Activate { get; set; }
    }
}
