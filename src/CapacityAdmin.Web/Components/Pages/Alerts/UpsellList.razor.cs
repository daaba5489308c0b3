using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Alerts;

/// <summary>
/// The sales upsell list (<see cref="AlertService.ListUpsellAsync"/>): 80 % alerts and capacity requests, newest first, paged and
/// filtered in SQL. Sales, CS and Administrators move items through the workflow and set owner and notes in a dialog, and export the
/// filtered list as CSV (<see cref="UpsellCsv"/>), streamed to the browser through JS interop (wwwroot/js/download.js).
/// </summary>
public partial class UpsellList
{
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private RadzenDataGrid<UpsellItemView>? _grid;
    private Actor? _actor;
    private IReadOnlyList<CompanySummary> _companies = [];
    private IReadOnlyList<UpsellItemView>? _items;
    private int _count;
    private bool _loading;
    private bool _busy;
    private bool _exporting;

    private UpsellStatus? _status;
    private Guid? _companyId;
    private string? _owner;

    private UpsellQuery Query => new(_status, _owner, _companyId);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _companies = await Companies.ListAsync(_actor);
    }

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        if (_actor is null) return;
        _loading = true;
        var pageSize = args.Top is > 0 ? args.Top.Value : 20;
        var result = await Alerts.ListUpsellAsync(_actor, Query, new PageRequest((args.Skip ?? 0) / pageSize + 1, pageSize));
        _loading = false;
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Upsell list not loaded", result.Error);
            return;
        }
        _items = result.Value.Items;
        _count = result.Value.Total;
    }

    private async Task ApplyFiltersAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private async Task EditAsync(UpsellItemView item)
    {
        _busy = true;
        try
        {
            if (await UpsellEditDialog.OpenAsync(Dialogs, item) is not { } updated) return;
            Notifications.NotifySuccess("Upsell item saved",
                $"{updated.PoolName}: {(updated.UpsellStatus is { } s ? AlertDisplay.Name(s) : "—")}{(updated.UpsellOwner is { } o ? $", owner {o}" : "")}.");
            if (_grid is not null) await _grid.Reload();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The filtered list as CSV, handed to the browser as a stream (no size limit of a SignalR message).</summary>
    private async Task ExportAsync()
    {
        if (_actor is null) return;
        _exporting = true;
        try
        {
            var result = await Alerts.ExportUpsellAsync(_actor, Query);
            if (!result.IsSuccess)
            {
                Notifications.NotifyError("Export failed", result.Error);
                return;
            }
            var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(UpsellCsv.Write(result.Value))).ToArray();
            using var stream = new DotNetStreamReference(new MemoryStream(bytes));
            var fileName = $"upsell-{Clock.GetUtcNow():yyyyMMdd-HHmm}.csv";
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
            await module.InvokeVoidAsync("downloadFileFromStream", fileName, "text/csv", stream);
        }
        finally
        {
            _exporting = false;
        }
    }
}
