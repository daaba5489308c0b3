using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// Moves a membership (upgrade, move) through <see cref="MembershipService.ReassignAsync"/>: Preview (dryRun) and the
/// confirmation send the same target; changing the target drops the preview, so a confirmation always follows a
/// preview of exactly what is applied.
/// </summary>
public partial class MembershipReassignDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public MembershipRow Row { get; set; } = default!;

    [Inject] private MembershipService Memberships { get; set; } = default!;
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<CellView> _cells = [];
    private IReadOnlyList<DesignationView> _designations = [];
    private readonly MembershipScopeFields.ScopeChoice _target = new();
    private ReassignmentOutcome? _preview;
    private DomainError? _refusal;
    private bool _busy;

    public static async Task<bool> OpenAsync(IDialogService dialogs, MembershipRow row)
    {
        var dialog = await dialogs.ShowAsync<MembershipReassignDialog>($"Reassign {row.Membership.MemberRef}",
            new DialogParameters<MembershipReassignDialog> { { d => d.Row, row } }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    protected override async Task OnInitializedAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _cells = await Catalog.ListCellsAsync(actor).OrEmpty();
        _designations = await Catalog.ListDesignationsAsync(actor).OrEmpty();
        var m = Row.Membership;
        (_target.Cell, _target.Designation, _target.Level) = (m.Cell, m.Designation, m.Level);
        _target.Units = UnitChoice.Of(m.Zone, m.State, m.District, m.Mandal);
        _target.Units.TrimTo(m.Level);
    }

    private void Invalidate()
    {
        _preview = null;
        _refusal = null;
    }

    private async Task RunAsync(bool dryRun)
    {
        _busy = true;
        var previewed = _preview;
        Invalidate();
        try
        {
            var result = await Memberships.ReassignAsync(await CurrentActor.GetAsync(), Row.Membership.Id, _target.ToScope(), dryRun);
            if (!result.IsSuccess)
            {
                _refusal = result.Error;
                return;
            }
            if (dryRun)
            {
                _preview = result.Value;
                return;
            }
            var o = result.Value;
            Snackbar.NotifySuccess($"{Row.Membership.MemberRef} reassigned: seat {o.SeatSequence}, {MembershipText.Status(o.TargetStatus).ToLowerInvariant()}, due {MembershipText.Money(o.DeltaDue)}.");
            Dialog.Close(DialogResult.Ok(true));
        }
        finally
        {
            if (_preview is null && _refusal is null && !dryRun) _preview = previewed;
            _busy = false;
        }
    }
}
