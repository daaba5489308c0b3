using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>
/// One campaign's capacity: a gauge per figure with the band legend, the model's numbers, hard limit and overage; for CS /
/// Administrator the status transitions (a dialog with a reason) and the capacity form (not for completed or closed campaigns);
/// for company admins "Request more capacity" or, while one is open, "request pending". Tabs hold enrollments, the credit ledger,
/// the timeline and alerts. Another company's campaign is "not found" because the domain query says so.
/// </summary>
public partial class CampaignDetail
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private CapacityQueryService Query { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private BundleService Bundles { get; set; } = default!;
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private Actor _actor = default!;
    private CapacityStatus? _status;
    private bool _notFound;
    private bool _busy;
    private string? _companyName;
    private string? _bundleName;
    private AlertView? _pendingRequest;

    private CampaignAlerts? _alerts;
    private CampaignEnrollments? _enrollments;
    private MudDataGrid<AuditEntryView>? _timeline;

    // Only the way back: the page's own name is its heading (a disabled last crumb renders as a low-contrast link).
    private List<BreadcrumbItem> Breadcrumbs => [new("Campaigns", href: "campaigns")];

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        var result = await Query.GetCampaignStatusAsync(_actor, Id);
        if (!result.IsSuccess)
        {
            _status = null;
            _notFound = result.Error.Kind == ErrorKind.NotFound;
            if (!_notFound) Snackbar.NotifyError("Campaign not loaded", result.Error);
            return;
        }
        _notFound = false;
        _status = result.Value;
        var company = await Companies.GetAsync(_actor, _status.CompanyId);
        _companyName = company.IsSuccess ? company.Value.Name : null;
        _bundleName = null;
        if (_status.Bundle is { } bundle && await Bundles.GetStatusAsync(_actor, bundle.BundleId) is { IsSuccess: true } b) _bundleName = b.Value.Name;
        await LoadPendingRequestAsync();
    }

    private async Task LoadPendingRequestAsync()
    {
        _pendingRequest = null;
        if (_actor.Role != Roles.CompanyAdmin) return;
        var open = await Alerts.GetOpenCapacityRequestAsync(_actor, Id);
        _pendingRequest = open.IsSuccess ? open.Value : null;
    }

    /// <summary>The model's own numbers, in words.</summary>
    internal static IEnumerable<(string Label, string Value)> ModelNumbers(CapacityStatus s)
    {
        if (s.Seats is { } seats)
            return [("Committed seats", Whole(seats.Committed)), ("Seats used", Whole(seats.Used)), ("Seats available", Whole(seats.Available))];
        if (s.Credits is { } credits)
            return [("Credits allocated", CapacityDisplay.Number(credits.Allocated, true)), ("Credits consumed", CapacityDisplay.Number(credits.Consumed, true)),
                ("Credits remaining", CapacityDisplay.Number(credits.Remaining, true))];
        if (s.Iaas is { } iaas)
            return [("Learners committed", Whole(iaas.LearnersCommitted)), ("Learners served", Whole(iaas.LearnersServed)), ("Learners remaining", Whole(iaas.Remaining))];
        if (s.Bundle is { } bundle)
            return [("Bundle share", CapacityDisplay.Number(bundle.Share * 100m) + " %"), ("Quota", Whole(bundle.Quota)), ("Used", Whole(bundle.Used)),
                ("Available", Whole(bundle.Available))];
        return [("Target volunteers", Whole(s.Volunteers.Target)), ("Volunteers enrolled", Whole(s.Volunteers.Current))];
    }

    private static string Whole(int value) => CapacityDisplay.Number(value);

    private async Task OnCapacitySavedAsync(LimitChangeResult result)
    {
        _status = result.Status;
        if (_timeline is not null) await _timeline.ReloadServerData();
    }

    private async Task RequestCapacityAsync()
    {
        if (_status is null) return;
        _busy = true;
        try
        {
            if (await CapacityRequestDialog.OpenAsync(Dialogs, Id, _status.Name) is null) return;
            Snackbar.NotifySuccess($"Request sent to your account manager: we will be in touch about {_status.Name}.");
            await LoadPendingRequestAsync();
            if (_alerts is not null) await _alerts.ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ChangeStatusAsync(CampaignStatus target)
    {
        if (_status is null) return;
        _busy = true;
        try
        {
            if (await CampaignStatusDialog.OpenAsync(Dialogs, _status, target) is not { } changed) return;
            _status = changed;
            Snackbar.NotifySuccess($"{changed.Name} is now {CampaignText.Name(changed.Status).ToLowerInvariant()}.");
            if (_timeline is not null) await _timeline.ReloadServerData();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<GridData<AuditEntryView>> LoadTimelineAsync(GridState<AuditEntryView> state, CancellationToken ct)
    {
        var result = await Query.GetTimelineAsync(_actor, Id, state.Page + 1, state.PageSize, ct);
        return Grid(result, "Timeline not loaded");
    }

    private async Task<GridData<CreditLedgerEntryView>> LoadLedgerAsync(GridState<CreditLedgerEntryView> state, CancellationToken ct)
    {
        var result = await Query.ListLedgerAsync(_actor, Id, state.Page + 1, state.PageSize, ct);
        return Grid(result, "Ledger not loaded");
    }

    private GridData<T> Grid<T>(Result<PagedResult<T>> result, string failure)
    {
        if (result.IsSuccess) return new GridData<T> { Items = result.Value.Items, TotalItems = result.Value.Total };
        Snackbar.NotifyError(failure, result.Error);
        return new GridData<T> { Items = [], TotalItems = 0 };
    }
}
