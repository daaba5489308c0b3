using System.Globalization;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>
/// One campaign's capacity: gauges per figure, flags, the change timeline and enrollments (grids paged in SQL),
/// and for CS / Administrator the capacity form and the status transitions; its alerts for everyone (tenancy in the domain) and, for
/// company admins, "Request more capacity". Another company's campaign is "not found"
/// because the domain query says so, not because the page hides it.
/// </summary>
public partial class CampaignDetail
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private CapacityQueryService Query { get; set; } = default!;
    [Inject] private CampaignService Campaigns { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private BundleService Bundles { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;

    private Actor _actor = default!;
    private CapacityStatus? _status;
    private bool _notFound;
    private bool _busy;
    private string? _companyName;
    private string? _bundleName;

    private CampaignAlerts? _alerts;
    private RadzenDataGrid<CapacityChangeView>? _timeline;
    private IReadOnlyList<CapacityChangeView>? _changes;
    private int _changeCount;
    private IReadOnlyList<EnrollmentView>? _volunteers;
    private int _volunteerCount;
    private IReadOnlyList<EnrollmentView>? _learners;
    private int _learnerCount;
    private IReadOnlyList<CreditLedgerEntryView>? _ledger;
    private int _ledgerCount;

    private IReadOnlyList<CampaignStatus> NextStatuses => _status is null ? [] : CampaignLifecycle.AllowedTargets(_status.Status);

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        var result = await Query.GetCampaignStatusAsync(_actor, Id);
        if (!result.IsSuccess)
        {
            _status = null;
            _notFound = result.Error.Kind == ErrorKind.NotFound;
            if (!_notFound) Notifications.NotifyError("Campaign not loaded", result.Error);
            return;
        }
        _notFound = false;
        _status = result.Value;
        var company = await Companies.GetAsync(_actor, _status.CompanyId);
        _companyName = company.IsSuccess ? company.Value.Name : null;
        await LoadBundleNameAsync();
    }

    private async Task LoadBundleNameAsync()
    {
        _bundleName = null;
        if (_status?.Bundle is not { } bundle) return;
        var result = await Bundles.GetStatusAsync(_actor, bundle.BundleId);
        _bundleName = result.IsSuccess ? result.Value.Name : null;
    }

    private async Task OnCapacitySavedAsync(LimitChangeResult result)
    {
        _status = result.Status;
        if (_timeline is not null) await _timeline.Reload();
    }

    /// <summary>Company admins ask for more capacity (a dialog with an optional note); the request lands in the sales upsell list.</summary>
    private async Task RequestCapacityAsync()
    {
        if (_status is null) return;
        _busy = true;
        try
        {
            if (await CapacityRequestDialog.OpenAsync(Dialogs, Id, _status.Name) is null) return;
            Notifications.NotifySuccess("Request sent to your account manager", $"We will be in touch about {_status.Name}.");
            if (_alerts is not null) await _alerts.ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ChangeStatusAsync(CampaignStatus target)
    {
        _busy = true;
        try
        {
            var result = await Campaigns.ChangeStatusAsync(_actor, Id, target);
            if (!result.IsSuccess)
            {
                Notifications.NotifyError("Status not changed", result.Error);
                return;
            }
            _status = result.Value;
            Notifications.NotifySuccess("Status changed", $"The campaign is now {Lower(target)}.");
            if (_timeline is not null) await _timeline.Reload();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task LoadTimelineAsync(LoadDataArgs args)
    {
        var (page, size) = Paging(args);
        var result = await Query.GetTimelineAsync(_actor, Id, page, size);
        if (Failed(result, "Timeline not loaded")) return;
        (_changes, _changeCount) = (result.Value!.Items, result.Value.Total);
    }

    private async Task LoadVolunteersAsync(LoadDataArgs args)
    {
        var (page, size) = Paging(args);
        var result = await Query.ListVolunteerEnrollmentsAsync(_actor, Id, null, page, size);
        if (Failed(result, "Enrollments not loaded")) return;
        (_volunteers, _volunteerCount) = (result.Value!.Items, result.Value.Total);
    }

    private async Task LoadLearnersAsync(LoadDataArgs args)
    {
        var (page, size) = Paging(args);
        var result = await Query.ListLearnerEnrollmentsAsync(_actor, Id, null, page, size);
        if (Failed(result, "Enrollments not loaded")) return;
        (_learners, _learnerCount) = (result.Value!.Items, result.Value.Total);
    }

    private async Task LoadLedgerAsync(LoadDataArgs args)
    {
        var (page, size) = Paging(args);
        var result = await Query.ListLedgerAsync(_actor, Id, page, size);
        if (Failed(result, "Ledger not loaded")) return;
        (_ledger, _ledgerCount) = (result.Value!.Items, result.Value.Total);
    }

    private bool Failed<T>(Result<T> result, string summary)
    {
        if (result.IsSuccess) return false;
        Notifications.NotifyError(summary, result.Error);
        return true;
    }

    internal static (int Page, int PageSize) Paging(LoadDataArgs args)
    {
        var size = args.Top is > 0 ? args.Top.Value : 20;
        return ((args.Skip ?? 0) / size + 1, size);
    }

    internal static string Lower(Enum value) => value.ToString().ToLowerInvariant();

    internal static string When(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";
}
