using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// The simple-mode editor: NATIONAL and per-zone caps of every cell as a matrix of numeric inputs. Only entries that
/// differ from what was loaded are written, each through <see cref="MembershipCatalogService"/> (upsert, or delete
/// when emptied) with the reason of the form. A blanket ZONE row (no zone) shows as the placeholder of empty zones.
/// </summary>
public partial class LevelCapacityMatrix
{
    public const string NationalColumn = nameof(Level.NATIONAL);

    private static readonly string[] Columns = [NationalColumn, .. MembershipDisplay.Zones.Select(z => z.ToString())];

    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    /// <summary>Raised after a save wrote at least one entry.</summary>
    [Parameter] public EventCallback Saved { get; set; }

    private Actor _actor = default!;
    private bool _canEdit;
    private bool _saving;
    private IReadOnlyList<CellView>? _cells;
    private Dictionary<(string Cell, string Column), MatrixEntry> _entries = [];
    private Dictionary<string, int> _blanketZone = [];
    private MatrixForm _form = new();

    /// <summary>The name of an input, for tests and labels: <c>cap-GB-SOUTH</c>.</summary>
    public static string InputName(string cell, string column) => $"cap-{cell}-{column}";

    private int PendingCount => _entries.Values.Count(e => e.IsChanged);

    private string PendingText => PendingCount switch { 0 => "No changes", 1 => "1 change pending", var n => $"{n} changes pending" };

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canEdit = MembershipPermissions.CanManage(_actor);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var cells = await Catalog.ListCellsAsync();
        var rows = new List<LevelCapacityView>();
        foreach (var level in new[] { Level.NATIONAL, Level.ZONE })
        {
            var page = 1;
            while (true)
            {
                var result = await Catalog.ListLevelCapacitiesAsync(_actor, null, level, new PageRequest(page, PageRequest.MaxPageSize));
                if (!result.IsSuccess)
                {
                    Notifications.NotifyError("Caps not loaded", result.Error);
                    return;
                }
                rows.AddRange(result.Value.Items);
                if (page * PageRequest.MaxPageSize >= result.Value.Total) break;
                page++;
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
        column != NationalColumn && _blanketZone.TryGetValue(cell, out var blanket) ? $"{blanket} (each zone)" : "no cap";

    private async Task ResetAsync()
    {
        _form = new MatrixForm();
        await LoadAsync();
    }

    private async Task SaveAsync(MatrixForm form)
    {
        var changed = _entries.Where(e => e.Value.IsChanged).ToList();
        if (changed.Count == 0)
        {
            Notifications.NotifyWarning("Nothing to save", "No cap differs from the saved values.");
            return;
        }
        _saving = true;
        try
        {
            var written = new List<string>();
            foreach (var ((cell, column), entry) in changed.OrderBy(e => e.Key.Cell, StringComparer.Ordinal).ThenBy(e => Array.IndexOf(Columns, e.Key.Column)))
            {
                var key = column == NationalColumn
                    ? new LevelCapacityKey(cell, Level.NATIONAL)
                    : new LevelCapacityKey(cell, Level.ZONE, Zone: column);
                DomainError? error;
                if (entry.Value is { } capacity)
                    error = (await Catalog.UpsertLevelCapacityAsync(_actor, new LevelCapacityRequest(key, capacity, form.Reason))).Error;
                else
                    error = (await Catalog.DeleteLevelCapacityAsync(_actor, key, form.Reason)).Error;
                if (error is not null)
                {
                    Notifications.NotifyError($"Cap {cell} {column} not saved", error);
                    break;
                }
                written.Add($"{cell} {column}: {entry.Original?.ToString() ?? "no cap"} → {entry.Value?.ToString() ?? "no cap"}");
            }
            if (written.Count > 0)
            {
                Notifications.NotifySuccess(written.Count == 1 ? "Cap saved" : $"{written.Count} caps saved", string.Join("; ", written));
                _form = new MatrixForm();
                await LoadAsync();
                await Saved.InvokeAsync();
            }
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
        public int? Value { get; set; } = original;
        public int? Used { get; } = used;
        public bool IsChanged => Value != Original;
    }

    private sealed class MatrixForm
    {
        public string? Reason { get; set; }
    }
}
