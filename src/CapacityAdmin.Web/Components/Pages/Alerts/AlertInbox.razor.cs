using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Alerts;

/// <summary>
/// The Customer Success inbox: every alert, newest first, paged and filtered in SQL (<see cref="AlertService.ListAsync"/>).
/// CS and Administrators acknowledge (optional reason) and snooze (until a date, reason required) through dialogs.
/// Sales work the upsell list instead; company admins see their alerts on their campaigns.
/// </summary>
public partial class AlertInbox
{
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private RadzenDataGrid<AlertView>? _grid;
    private Actor? _actor;
    private IReadOnlyList<CompanySummary> _companies = [];
    private Dictionary<Guid, string> _companyNames = [];
    private IReadOnlyList<AlertView>? _items;
    private int _count;
    private bool _loading;
    private bool _busy;

    // New alerts first: that is what the inbox is for.
    private AlertStatus? _status = AlertStatus.New;
    private AlertSeverity? _severity;
    private string? _threshold;
    private Guid? _companyId;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _companies = await Companies.ListAsync(_actor);
        _companyNames = _companies.ToDictionary(c => c.Id, c => c.Name);
    }

    private string CompanyName(Guid? id) => id is { } c ? _companyNames.GetValueOrDefault(c, "—") : "—";

    private static string? StatusNote(AlertView a) => a.Status switch
    {
        AlertStatus.Acknowledged => $"by {a.AcknowledgedBy}" + (a.AcknowledgeReason is { } r ? $": {r}" : ""),
        AlertStatus.Snoozed => $"by {a.SnoozedBy}: {a.SnoozeReason}",
        _ => null,
    };

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        if (_actor is null) return;
        _loading = true;
        var pageSize = args.Top is > 0 ? args.Top.Value : 20;
        var result = await Alerts.ListAsync(_actor, new AlertQuery(_threshold, _severity, _companyId, _status),
            new PageRequest((args.Skip ?? 0) / pageSize + 1, pageSize));
        _loading = false;
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Alerts not loaded", result.Error);
            return;
        }
        _items = result.Value.Items;
        _count = result.Value.Total;
    }

    private async Task ApplyFiltersAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private Task AcknowledgeAsync(AlertView alert) =>
        HandleAsync(() => AlertAcknowledgeDialog.OpenAsync(Dialogs, alert), a => ("Alert acknowledged", $"{a.PoolName} ({AlertDisplay.Band(a.Threshold, a.Kind)})."));

    private Task SnoozeAsync(AlertView alert) =>
        HandleAsync(() => AlertSnoozeDialog.OpenAsync(Dialogs, alert),
            a => ("Alert snoozed", $"{a.PoolName} ({AlertDisplay.Band(a.Threshold, a.Kind)}) until {(a.SnoozedUntil is { } u ? AlertDisplay.When(u) : "—")}."));

    /// <summary>The dialog calls the one service method; the page reports and refreshes its grid.</summary>
    private async Task HandleAsync(Func<Task<AlertView?>> dialog, Func<AlertView, (string Summary, string Detail)> done)
    {
        _busy = true;
        try
        {
            if (await dialog() is not { } updated) return;
            var (summary, detail) = done(updated);
            Notifications.NotifySuccess(summary, detail);
            if (_grid is not null) await _grid.Reload();
        }
        finally
        {
            _busy = false;
        }
    }
}
