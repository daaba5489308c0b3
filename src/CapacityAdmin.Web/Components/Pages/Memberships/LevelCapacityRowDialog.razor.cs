using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>Add (no <see cref="Row"/>) or edit (capacity only; the key is fixed) an advanced cap row through the catalog service.</summary>
public partial class LevelCapacityRowDialog
{
    [Parameter] public LevelCapacityView? Row { get; set; }
    [Parameter] public string? Cell { get; set; }
    [Parameter] public Level Level { get; set; } = Level.STATE;

    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private GeographyService Geography { get; set; } = default!;

    private IReadOnlyList<CellView> _cells = [];
    private RowForm _form = new();
    private string? _error;
    private bool _saving;

    private bool IsEdit => Row is not null;

    public static async Task<LevelCapacityView?> OpenAsync(DialogService dialogs, LevelCapacityView? row, string? cell, Level level) =>
        await dialogs.OpenAsync<LevelCapacityRowDialog>(row is null ? "Add cap" : "Edit cap", new Dictionary<string, object?>
        {
            [nameof(Row)] = row,
            [nameof(Cell)] = cell,
            [nameof(Level)] = level,
        }, new DialogOptions { Width = "40rem" }) as LevelCapacityView;

    protected override async Task OnInitializedAsync()
    {
        _cells = await Catalog.ListCellsAsync();
        _form = Row is { } r
            ? new RowForm { Cell = r.Cell, Level = r.Level, Units = UnitChoice.Of(null, r.State, r.District, r.Mandal), Capacity = r.Capacity }
            : new RowForm { Cell = Cell, Level = MembershipDisplay.AdvancedLevels.Contains(Level) ? Level : Level.STATE };
        // A district or mandal row names its ancestors only through the unit itself; the pickers need them to cascade.
        if (Row is { District: { } district } && Row.State is null) await FillAncestorsAsync(district, Row.Mandal);
    }

    private async Task FillAncestorsAsync(string district, string? mandal)
    {
        if (mandal is not null)
        {
            var m = (await Geography.ListMandalsAsync(district)).FirstOrDefault(x => x.Code == mandal);
            _form.Units.State = m?.StateCode;
        }
        else
        {
            var d = (await Geography.ListDistrictsAsync()).FirstOrDefault(x => x.Code == district);
            _form.Units.State = d?.StateCode;
        }
    }

    private void OnLevel(Level level)
    {
        _form.Level = level;
        _form.Units.TrimTo(level);
    }

    private async Task SaveAsync(RowForm form)
    {
        _saving = true;
        _error = null;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var key = form.Units.KeyFor(form.Cell, form.Level);
            var result = await Catalog.UpsertLevelCapacityAsync(actor, new LevelCapacityRequest(key, form.Capacity ?? 0, form.Reason));
            if (!result.IsSuccess)
            {
                _error = NotificationExtensions.Describe(result.Error);
                Notifications.NotifyError("Cap not saved", result.Error);
                return;
            }
            Notifications.NotifySuccess("Cap saved", $"{result.Value.Cell} {result.Value.Level}: {result.Value.Capacity}");
            Dialogs.Close(result.Value);
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed class RowForm
    {
        public string? Cell { get; set; }
        public Level Level { get; set; } = Level.STATE;
        public UnitChoice Units { get; set; } = new();
        public int? Capacity { get; set; }
        public string? Reason { get; set; }
    }
}
