using System.Globalization;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>A designation as edited inline: the saved view and the typed values (null = left empty).</summary>
public sealed class DesignationRow
{
    public DesignationRow(DesignationView view)
    {
        Original = view;
        Reset();
    }

    public DesignationView Original { get; }
    public string Code => Original.Code;
    public string Name => Original.Name;
    public int Rank => Original.Rank;
    public int? DefaultCapacity { get; set; }
    public decimal? Fee { get; set; }
    public int? ValidityDays { get; set; }
    public Dictionary<Level, int?> Overrides { get; } = [];

    public void Reset()
    {
        DefaultCapacity = Original.DefaultCapacity;
        Fee = Original.Fee;
        ValidityDays = Original.ValidityDays;
        foreach (var level in MembershipDisplay.Levels)
            Overrides[level] = Original.LevelCapacities.TryGetValue(level, out var c) ? c : null;
    }

    /// <summary>The per-level overrides that were set or changed (an emptied override cannot be removed, see <see cref="ClearedOverrides"/>).</summary>
    public IEnumerable<(Level Level, int Capacity)> ChangedOverrides() =>
        Overrides.Where(o => o.Value is { } v && (!Original.LevelCapacities.TryGetValue(o.Key, out var old) || old != v))
            .Select(o => (o.Key, o.Value!.Value));

    public IEnumerable<Level> ClearedOverrides() =>
        Overrides.Where(o => o.Value is null && Original.LevelCapacities.ContainsKey(o.Key)).Select(o => o.Key);

    /// <summary>"default capacity: 5 → 6", one line per changed value.</summary>
    public List<string> Describe()
    {
        var lines = new List<string>();
        if (DefaultCapacity != Original.DefaultCapacity) lines.Add($"default capacity: {Original.DefaultCapacity} → {DefaultCapacity?.ToString(CultureInfo.InvariantCulture) ?? "—"}");
        if (Fee != Original.Fee) lines.Add($"fee: {MembershipDisplay.Money(Original.Fee)} → {(Fee is { } f ? MembershipDisplay.Money(f) : "—")}");
        if (ValidityDays != Original.ValidityDays) lines.Add($"validity: {Original.ValidityDays} → {ValidityDays?.ToString(CultureInfo.InvariantCulture) ?? "—"} days");
        foreach (var (level, capacity) in ChangedOverrides())
            lines.Add($"{level} override: {(Original.LevelCapacities.TryGetValue(level, out var old) ? old.ToString(CultureInfo.InvariantCulture) : "default")} → {capacity}");
        return lines;
    }
}

/// <summary>
/// Designations with inline editing of default capacity, fee, validity and the per-level overrides. Save shows the
/// changes in <see cref="MembershipReasonDialog"/> and writes them through <see cref="MembershipCatalogService"/> with that reason.
/// The list is small and unpaged in the domain, so the grid binds <c>Data</c> rather than <c>LoadData</c>.
/// </summary>
public partial class DesignationList
{
    [Inject] private MembershipCatalogService Catalog { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private RadzenDataGrid<DesignationRow>? _grid;
    private List<DesignationRow>? _rows;
    private DesignationRow? _editing;
    private bool _saving;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _rows = (await Catalog.ListDesignationsAsync()).Select(d => new DesignationRow(d)).ToList();
        _editing = null;
    }

    private async Task CancelAsync()
    {
        _editing?.Reset();
        _editing = null;
        if (_grid is not null) await _grid.Reload();
    }

    private async Task SaveAsync(DesignationRow row)
    {
        if (row.ClearedOverrides().ToList() is { Count: > 0 } cleared)
        {
            Notifications.NotifyWarning("Override kept", $"An override cannot be removed here; set {string.Join(", ", cleared)} to the value you want (the default is {row.Original.DefaultCapacity}).");
            return;
        }
        if (row.DefaultCapacity is null || row.Fee is null || row.ValidityDays is null)
        {
            Notifications.NotifyWarning("Value missing", "Default capacity, fee and validity need a value.");
            return;
        }
        var changes = row.Describe();
        if (changes.Count == 0)
        {
            Notifications.NotifyWarning("Nothing to save", "No value differs from the saved designation.");
            return;
        }
        var reason = await MembershipReasonDialog.AskAsync(Dialogs, $"Change {row.Name}", "Save these changes?", "Save", changes);
        if (reason is null) return;

        _saving = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var o = row.Original;
            if (row.DefaultCapacity != o.DefaultCapacity || row.Fee != o.Fee || row.ValidityDays != o.ValidityDays)
            {
                var update = new UpdateDesignationRequest(
                    row.DefaultCapacity != o.DefaultCapacity ? row.DefaultCapacity : null,
                    row.Fee != o.Fee ? row.Fee : null,
                    row.ValidityDays != o.ValidityDays ? row.ValidityDays : null,
                    reason);
                if (!await SucceededAsync(await Catalog.UpdateDesignationAsync(actor, row.Code, update), row)) return;
            }
            foreach (var (level, capacity) in row.ChangedOverrides().ToList())
                if (!await SucceededAsync(await Catalog.SetDesignationLevelCapacityAsync(actor, row.Code, level, capacity, reason), row)) return;
            Notifications.NotifySuccess($"{row.Name} saved", string.Join("; ", changes));
            await LoadAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>On a refusal: notify, and reload so the grid shows what was saved before it.</summary>
    private async Task<bool> SucceededAsync(Result<DesignationView> result, DesignationRow row)
    {
        if (result.IsSuccess) return true;
        Notifications.NotifyError($"{row.Name} not saved", result.Error);
        await LoadAsync();
        return false;
    }
}
