using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Pages.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Alerts;

/// <summary>
/// The Customer Success inbox: alerts paged, sorted and filtered in SQL (<see cref="AlertService.ListAsync"/>), filters and sort in
/// the URL. CS and Administrators acknowledge one or many (multi-select, a confirming dialog with an optional reason) and snooze
/// (until a date, reason required). The utilization shown is the figure when the alert was raised, labelled as such.
/// </summary>
public partial class AlertInbox
{
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] public string? SeverityQuery { get; set; }
    [SupplyParameterFromQuery(Name = "band")] public string? BandQuery { get; set; }
    [SupplyParameterFromQuery(Name = "company")] public Guid? CompanyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortQuery { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? DescendingQuery { get; set; }

    private ServerGrid<AlertView> _list = default!;
    private Actor? _actor;
    private IReadOnlyList<CompanySummary> _companies = [];
    private Dictionary<Guid, string> _companyNames = [];
    private HashSet<AlertView> _selected = [];
    private bool _busy;

    private string? _search;
    private AlertStatus? _status;
    private AlertSeverity? _severity;
    private string? _threshold;
    private Guid? _companyId;
    private AlertSort _sort = AlertSort.CreatedAt;
    private bool _descending = true;

    /// <summary>The selected alerts that are not acknowledged yet.</summary>
    private IReadOnlyList<AlertView> Acknowledgeable => _selected.Where(a => a.Status != AlertStatus.Acknowledged).ToList();

    protected override async Task OnInitializedAsync()
    {
        _list = new(Navigation, Snackbar, "Alerts", StateHasChanged);
        _search = SearchQuery;
        // New alerts first: that is what the inbox is for ("status=any" shows them all).
        _status = StatusQuery is null ? AlertStatus.New : CampaignText.Parse<AlertStatus>(StatusQuery);
        _severity = CampaignText.Parse<AlertSeverity>(SeverityQuery);
        _threshold = AlertService.NormalizeThreshold(BandQuery);
        _companyId = CompanyQuery;
        _sort = CampaignText.Parse<AlertSort>(SortQuery) ?? AlertSort.CreatedAt;
        _descending = DescendingQuery ?? SortQuery is null;
        var actor = await CurrentActor.GetAsync();
        _companies = await Companies.ListAsync(actor);
        _companyNames = _companies.ToDictionary(c => c.Id, c => c.Name);
        _actor = actor;
    }

    private async Task<GridData<AlertView>> LoadAsync(GridState<AlertView> state, CancellationToken ct)
    {
        if (_actor is null) return ServerGrid<AlertView>.Empty;
        (_sort, _descending) = _list.SortOf(state, SortOf, (_sort, _descending), (AlertSort.CreatedAt, true));
        var query = new AlertQuery(_threshold, _severity, _companyId, _status, Search: _search, Sort: _sort, Descending: _descending);
        var result = await Alerts.ListAsync(_actor, query, new PageRequest(state.Page + 1, state.PageSize), ct);
        UpdateUrl();
        _selected = [];
        return _list.Show(result);
    }

    private void UpdateUrl()
    {
        _list.WriteUrl(new Dictionary<string, object?>
        {
            ["q"] = _search,
            ["status"] = _status is { } s ? CampaignText.Query<AlertStatus>(s) : "any",
            ["severity"] = CampaignText.Query(_severity),
            ["band"] = _threshold?.TrimEnd('%'),
            ["company"] = _companyId,
            ["sort"] = _sort == AlertSort.CreatedAt ? null : CampaignText.Query<AlertSort>(_sort),
            ["desc"] = _sort == AlertSort.CreatedAt && _descending ? null : _descending,
        });
    }

    private SortDirection Initial(AlertSort column) =>
        _sort == column && (column != AlertSort.CreatedAt || SortQuery is not null)
            ? (_descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private static AlertSort SortOf(string? property) => property switch
    {
        nameof(AlertView.PoolName) => AlertSort.Pool,
        nameof(AlertView.CompanyId) => AlertSort.Company,
        nameof(AlertView.Severity) => AlertSort.Severity,
        nameof(AlertView.UtilizationPercent) => AlertSort.Utilization,
        nameof(AlertView.Threshold) => AlertSort.Band,
        _ => AlertSort.CreatedAt,
    };

    private string CompanyName(Guid? id) => id is { } c ? _companyNames.GetValueOrDefault(c, "—") : "—";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? StatusNote(AlertView a) => a.Status switch
    {
        AlertStatus.Acknowledged => $"by {a.AcknowledgedBy}" + (a.AcknowledgeReason is { } r ? $": {r}" : ""),
        AlertStatus.Snoozed => $"by {a.SnoozedBy}: {a.SnoozeReason}",
        _ => null,
    };

    private Task AcknowledgeSelectedAsync() => AcknowledgeAsync(Acknowledgeable);

    private async Task AcknowledgeAsync(IReadOnlyList<AlertView> alerts)
    {
        _busy = true;
        try
        {
            if (await AlertAcknowledgeDialog.OpenAsync(Dialogs, alerts) is not { } count) return;
            Snackbar.NotifySuccess(count == 1 ? "1 alert acknowledged." : $"{count} alerts acknowledged.");
            await _list.ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SnoozeAsync(AlertView alert)
    {
        _busy = true;
        try
        {
            if (await AlertSnoozeDialog.OpenAsync(Dialogs, alert) is not { } updated) return;
            Snackbar.NotifySuccess($"{updated.PoolName} snoozed until {(updated.SnoozedUntil is { } u ? AlertDisplay.When(u) : "—")}.");
            await _list.ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
