using System.IO.Pipelines;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Pages.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Alerts;

/// <summary>
/// The sales upsell list (<see cref="AlertService.ListUpsellAsync"/>): 80 % alerts and capacity requests, paged, sorted and filtered in
/// SQL, filters in the URL. Each row shows today's utilization (the gauges' calculation) beside the historical figure at alert time.
/// Sales, CS and Administrators edit one item in a dialog or move several at once, and export the filtered list as CSV
/// (<see cref="UpsellCsv"/>), streamed to the browser through JS interop (wwwroot/js/download.js).
/// </summary>
public partial class UpsellList
{
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "company")] public Guid? CompanyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] public string? OwnerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortQuery { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? DescendingQuery { get; set; }

    private ServerGrid<UpsellItemView> _list = default!;
    private Actor? _actor;
    private IReadOnlyList<CompanySummary> _companies = [];
    private HashSet<UpsellItemView> _selected = [];
    private bool _busy;
    private bool _exporting;

    private string? _search;
    private UpsellStatus? _status;
    private Guid? _companyId;
    private string? _owner;
    private UpsellSort _sort = UpsellSort.Forecast;
    private bool _descending = true;

    private UpsellQuery Query => new(_status, _owner, _companyId, Search: _search, Sort: _sort, Descending: _descending);

    protected override async Task OnInitializedAsync()
    {
        _list = new(Navigation, Snackbar, "Upsell list", StateHasChanged);
        _search = SearchQuery;
        _status = CampaignText.Parse<UpsellStatus>(StatusQuery);
        _companyId = CompanyQuery;
        _owner = OwnerQuery;
        _sort = CampaignText.Parse<UpsellSort>(SortQuery) ?? UpsellSort.Forecast;
        _descending = DescendingQuery ?? SortQuery is null;
        var actor = await CurrentActor.GetAsync();
        _companies = await Companies.ListAsync(actor);
        _actor = actor;
    }

    private async Task<GridData<UpsellItemView>> LoadAsync(GridState<UpsellItemView> state, CancellationToken ct)
    {
        if (_actor is null) return ServerGrid<UpsellItemView>.Empty;
        (_sort, _descending) = _list.SortOf(state, SortOf, (_sort, _descending), (UpsellSort.Forecast, true));
        var result = await Alerts.ListUpsellAsync(_actor, Query, new PageRequest(state.Page + 1, state.PageSize), ct);
        UpdateUrl();
        _selected = [];
        return _list.Show(result);
    }

    private void UpdateUrl()
    {
        _list.WriteUrl(new Dictionary<string, object?>
        {
            ["q"] = _search,
            ["status"] = CampaignText.Query(_status),
            ["company"] = _companyId,
            ["owner"] = _owner,
            ["sort"] = _sort == UpsellSort.Forecast ? null : CampaignText.Query<UpsellSort>(_sort),
            ["desc"] = _sort == UpsellSort.Forecast ? null : _descending,
        });
    }

    private SortDirection Initial(UpsellSort column) =>
        _sort == column
            ? (_descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private static UpsellSort SortOf(string? property) => property switch
    {
        nameof(UpsellItemView.CompanyName) => UpsellSort.Company,
        nameof(UpsellItemView.PoolName) => UpsellSort.Pool,
        nameof(UpsellItemView.UtilizationPercent) => UpsellSort.Utilization,
        nameof(UpsellItemView.Status) => UpsellSort.Status,
        nameof(UpsellItemView.Owner) => UpsellSort.Owner,
        _ => UpsellSort.CreatedAt,
    };

    private string CompanyName(Guid? id) => id is { } c ? _companies.FirstOrDefault(x => x.Id == c)?.Name ?? "" : "";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task EditAsync(UpsellItemView item)
    {
        _busy = true;
        try
        {
            if (await UpsellEditDialog.OpenAsync(Dialogs, item) is not { } updated) return;
            Snackbar.NotifySuccess($"{updated.PoolName}: {(updated.UpsellStatus is { } s ? AlertDisplay.Title(s) : "—")}{(updated.UpsellOwner is { } o ? $", owner {o}" : "")}.");
            await _list.ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task BulkStatusAsync()
    {
        _busy = true;
        try
        {
            if (await UpsellBulkStatusDialog.OpenAsync(Dialogs, _selected.ToList()) is not { } result) return;
            Snackbar.NotifySuccess($"{result.Moved.Count} moved.");
            if (result.Refused.Count > 0)
                Snackbar.Add($"{result.Refused.Count} kept their status: {string.Join(" ", result.Refused.Values.Distinct())}", Severity.Warning);
            await _list.ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// The filtered list as CSV, in the list's order, handed to the browser as a stream: rows are read and written a page at a
    /// time into a pipe the browser reads from, so neither the server nor the SignalR message holds the whole file.
    /// </summary>
    private async Task ExportAsync()
    {
        if (_actor is null) return;
        _exporting = true;
        try
        {
            var rows = Alerts.StreamUpsellExport(_actor, Query);
            if (!rows.IsSuccess)
            {
                Snackbar.NotifyError("Export failed", rows.Error);
                return;
            }
            var pipe = new Pipe();
            var writing = WriteCsvAsync(rows.Value, pipe.Writer);
            using (var stream = new DotNetStreamReference(pipe.Reader.AsStream()))
            {
                var fileName = $"upsell-{Clock.GetUtcNow():yyyyMMdd-HHmm}.csv";
                await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
                await module.InvokeVoidAsync("downloadFileFromStream", fileName, "text/csv", stream);
            }
            await writing;
        }
        finally
        {
            _exporting = false;
        }
    }

    /// <summary>UTF-8 with a byte-order mark (so spreadsheet programs read the names right), then the table.</summary>
    private static async Task WriteCsvAsync(IAsyncEnumerable<UpsellItemView> rows, PipeWriter writer)
    {
        try
        {
            var output = writer.AsStream(leaveOpen: true);
            await output.WriteAsync(System.Text.Encoding.UTF8.GetPreamble());
            await UpsellCsv.WriteAsync(output, rows);
            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e); // the browser's read fails instead of ending with a cut-off file
        }
    }
}
