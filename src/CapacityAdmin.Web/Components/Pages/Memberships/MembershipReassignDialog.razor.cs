using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// Moves a membership (upgrade, move) through <see cref="MembershipService.ReassignAsync"/>: Preview (dryRun) and Apply
/// send the same target; a changed input drops the shown preview so it never describes another target.
/// </summary>
public partial class MembershipReassignDialog
{
    [Parameter, EditorRequired] public MembershipView Membership { get; set; } = default!;

    [Inject] private MembershipService Memberships { get; set; } = default!;
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private IReadOnlyList<CellView> _cells = [];
    private IReadOnlyList<DesignationView> _designations = [];
    private string? _cell;
    private string? _designation;
    private Level _level;
    private UnitChoice _units = new();
    private ReassignmentOutcome? _outcome;
    private DomainError? _refusal;
    private bool _busy;

    public static async Task<ReassignmentOutcome?> OpenAsync(DialogService dialogs, MembershipView membership) =>
        await dialogs.OpenAsync<MembershipReassignDialog>($"Reassign {membership.MemberRef}",
            new Dictionary<string, object?> { [nameof(Membership)] = membership }, new DialogOptions { Width = "52rem" }) as ReassignmentOutcome;

    protected override async Task OnInitializedAsync()
    {
        _cells = await Catalog.ListCellsAsync();
        _designations = await Catalog.ListDesignationsAsync();
        var m = Membership;
        (_cell, _designation, _level) = (m.Cell, m.Designation, m.Level);
        _units = UnitChoice.Of(m.Zone, m.State, m.District, m.Mandal);
        _units.TrimTo(_level);
    }

    private void OnLevel(Level level)
    {
        _level = level;
        _units.TrimTo(level);
        Invalidate();
    }

    private void Invalidate()
    {
        _outcome = null;
        _refusal = null;
    }

    private async Task RunAsync(bool dryRun)
    {
        _busy = true;
        Invalidate();
        try
        {
            var actor = await CurrentActor.GetAsync();
            var result = await Memberships.ReassignAsync(actor, Membership.Id, _units.ScopeFor(_cell, _designation, _level), dryRun);
            if (!result.IsSuccess)
            {
                _refusal = result.Error;
                if (!dryRun) Notifications.NotifyError(MembershipDisplay.Refusal("Not reassigned", result.Error), result.Error);
                return;
            }
            _outcome = result.Value;
            if (dryRun) return;
            Notifications.NotifySuccess("Reassigned",
                $"{Membership.MemberRef}: seat {result.Value.SeatSequence}, {MembershipDisplay.Status(result.Value.TargetStatus)}, due {MembershipDisplay.Money(result.Value.DeltaDue)}.");
            Dialogs.Close(result.Value);
        }
        finally
        {
            _busy = false;
        }
    }
}
