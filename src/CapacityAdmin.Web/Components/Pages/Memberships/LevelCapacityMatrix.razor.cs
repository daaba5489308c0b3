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
/// The simple-mode editor: NATIONAL and per-zone caps of every cell. Only cells that differ from what was loaded are
/// sent, all together through <see cref="MembershipCatalogService.SaveLevelCapacitiesAsync"/> (one transaction); a
/// refusal is shown at the cell it names and nothing is saved. A blanket ZONE row shows as the placeholder of empty zones.
/// </summary>
public partial class LevelCapacityMatrix
{
    public const string NationalColumn = nameof(Level.NATIONAL);

    private static readonly string[] Columns = [NationalColumn, .. Enum.GetValues<Zone>().Select(z => z.ToString())];

    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Raised after a save wrote something.</summary>
    [Parameter] public EventCallback Saved { get; set; }

    private Actor _actor = default!;
    private bool _canEdit;
    private bool _saving;
    private bool _reasonMissing;
    private string? _reason;
    private IReadOnlyList<CellView>? _cells;
    private Dictionary<(string Cell, string Column), MatrixEntry> _entries = [];
    private Dictionary<string, int> _blanketZone = [];

    /// <summary>The name of an input, for tests: <c>cap-GB-SOUTH</c>.</summary>
    public static string InputName(string cell, string column) => $"cap-{cell}-{column}";

    public static string ColumnName(string column) => column == NationalColumn ? "National" : MembershipText.Zone(column);

    private int PendingCount => _entries.Values.Count(e => e.IsChanged);

    private string PendingText => PendingCount switch { 0 => "No changes", 1 => "1 change pending", var n => $"{n} changes pending" };

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canEdit = _actor.May(Permission.EditCapacity);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var cells = await Catalog.ListCellsAsync(_actor).OrEmpty();
        var rows = new List<LevelCapacityView>();
        foreach (var level in new[] { Level.NATIONAL, Level.ZONE })
        {
            for (var page = 1; ; page++)
            {
                var result = await Catalog.ListLevelCapacitiesAsync(_actor, null, level, new PageRequest(page, PageRequest.MaxPageSize));
                if (!result.IsSuccess)
                {
                    Snackbar.NotifyError("Caps not loaded", result.Error);
                    return;
                }
                rows.AddRange(result.Value.Items);
                if (page * PageRequest.MaxPageSize >= result.Value.Total) break;
            }
        }

        var entries = new Dictionary<(string, string), MatrixEntry>();
        foreach (var cell in cells)
            foreach (var column in Columns)
                entries[(cell.Code, column)] = new MatrixEntry(null, null);
        foreach (var row in rows)
        {
            var column = row.Level == Level.NATIONAL ? NationalColumn : row.Zone?.ToString();
            if (column is not null && entries.ContainsKey((row.Cell, column))) entries[(row.Cell, column)] = new MatrixEntry(row.Capacity, row.Used);
        }
        _blanketZone = rows.Where(r => r.Level == Level.ZONE && r.IsBlanket).ToDictionary(r => r.Cell, r => r.Capacity);
        _entries = entries;
        _cells = cells;
    }

    private string Placeholder(string cell, string column) =>
        column != NationalColumn && _blanketZone.TryGetValue(cell, out var blanket) ? $"{blanket} each" : "no cap";

    private async Task ResetAsync()
    {
        _reason = null;
        _reasonMissing = false;
        await LoadAsync();
    }

    private string Label((string Cell, string Column) key) =>
        $"{_cells?.FirstOrDefault(c => c.Code == key.Cell)?.Name ?? key.Cell} {ColumnName(key.Column)}";

    private async Task SaveAsync()
    {
        foreach (var entry in _entries.Values) entry.ServerError = null;
        var changed = _entries.Where(e => e.Value.IsChanged)
            .OrderBy(e => Array.IndexOf(_cells!.Select(c => c.Code).ToArray(), e.Key.Cell)).ThenBy(e => Array.IndexOf(Columns, e.Key.Column)).ToList();
        if (changed.Count == 0)
        {
            Snackbar.NotifyInfo("Nothing to save: no cap differs from the saved values.");
            return;
        }
        if (changed.FirstOrDefault(e => e.Value.Error is not null) is { Value: not null } invalid)
        {
            Snackbar.Add($"{Label(invalid.Key)}: {invalid.Value.Error}", Severity.Warning);
            return;
        }
        _reasonMissing = string.IsNullOrWhiteSpace(_reason);
        if (_reasonMissing)
        {
            Snackbar.Add("A reason is required for every capacity change.", Severity.Warning);
            return;
        }
        var removals = changed.Where(e => e.Value.IsRemoval).ToList();
        if (removals.Count > 0)
        {
            var confirmed = await Dialogs.ConfirmAsync(removals.Count == 1 ? "Remove a cap" : $"Remove {removals.Count} caps",
                "Clearing a cell removes its cap: joins there are then limited only by the designation seats (and any other cap).",
                removals.Count == 1 ? "Remove cap" : "Remove caps", danger: true,
                changes: removals.Select(e => $"{Label(e.Key)}: {e.Value.Original} → no cap").ToList());
            if (confirmed is null) return;
        }

        _saving = true;
        try
        {
            var edits = changed.Select(e => new LevelCapacityEdit(
                e.Key.Column == NationalColumn ? new LevelCapacityKey(e.Key.Cell, Level.NATIONAL) : new LevelCapacityKey(e.Key.Cell, Level.ZONE, Zone: e.Key.Column),
                e.Value.Value)).ToList();
            var result = await Catalog.SaveLevelCapacitiesAsync(_actor, new LevelCapacityBatchRequest(edits, _reason));
            if (!result.IsSuccess)
            {
                if (result.Error.Extensions?.GetValueOrDefault("entry") is int index && index < changed.Count)
                {
                    var failed = changed[index];
                    failed.Value.ServerError = MembershipText.Humanize(result.Error.Errors?.Values.FirstOrDefault()?.FirstOrDefault()?.Split(": ", 2).Last() ?? result.Error.Detail);
                    Snackbar.Add($"Nothing saved. {Label(failed.Key)}: {failed.Value.ServerError}", Severity.Error);
                }
                else
                {
                    Snackbar.NotifyError("Nothing saved", result.Error);
                }
                return;
            }
            var o = result.Value;
            Snackbar.NotifySuccess($"Caps saved: {o.Created} added, {o.Updated} changed, {o.Removed} removed.");
            _reason = null;
            await LoadAsync();
            await Saved.InvokeAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>One input of the matrix: what was loaded, what is typed, and the seats held under a unit row.</summary>
    private sealed class MatrixEntry(int? original, int? used)
    {
        public int? Original { get; } = original;
        public string? Text { get; set; } = NumberInput.Text(original);
        public int? Used { get; } = used;
        public string? ServerError { get; set; }
        public string? Error => NumberInput.WholeError(Text, 0, 1_000_000, allowEmpty: true);
        public int? Value => NumberInput.Whole(Text);
        public bool IsChanged => Error is not null || Value != Original;
        public bool IsRemoval => Original is not null && string.IsNullOrWhiteSpace(Text);
    }
}
