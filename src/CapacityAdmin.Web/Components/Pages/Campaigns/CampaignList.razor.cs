using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>
/// Campaign capacity list: paging, sorting and filtering run in SQL through
/// <see cref="CapacityQueryService.ListCampaignStatusesAsync"/>; a company admin sees only its company (domain query).
/// </summary>
public partial class CampaignList
{
    private static readonly PricingModel[] Models = Enum.GetValues<PricingModel>();
    private static readonly CapacityBand[] Bands = Enum.GetValues<CapacityBand>();
    private static readonly CampaignStatus[] Statuses = Enum.GetValues<CampaignStatus>();

    [Inject] private CapacityQueryService Query { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private RadzenDataGrid<CapacityStatus>? _grid;
    private Actor? _actor;
    private IReadOnlyList<CompanySummary> _companies = [];
    private Dictionary<Guid, string> _companyNames = [];
    private IReadOnlyList<CapacityStatus>? _items;
    private int _count;
    private int _total;
    private bool _loading;

    private string? _search;
    private Guid? _companyId;
    private PricingModel? _model;
    private CapacityBand? _band;
    private CampaignStatus? _status;

    protected override async Task OnInitializedAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _companies = await Companies.ListAsync(actor);
        _companyNames = _companies.ToDictionary(c => c.Id, c => c.Name);
        var all = await Query.ListCampaignStatusesAsync(actor, new CampaignStatusQuery(PageSize: 1));
        _total = all.IsSuccess ? all.Value.Total : 0;
        _actor = actor;
    }

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        if (_actor is null) return;
        _loading = true;
        var pageSize = args.Top is > 0 ? args.Top.Value : 20;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var query = new CampaignStatusQuery(_companyId, _model, _band, _status, _search, SortOf(sort?.Property),
            sort?.SortOrder == SortOrder.Descending, (args.Skip ?? 0) / pageSize + 1, pageSize);
        var result = await Query.ListCampaignStatusesAsync(_actor, query);
        _loading = false;
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Campaigns not loaded", result.Error);
            return;
        }
        _items = result.Value.Items;
        _count = result.Value.Total;
    }

    private async Task ApplyFiltersAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private string CompanyName(Guid id) => _companyNames.GetValueOrDefault(id, "");

    private static CampaignSort SortOf(string? property) => property switch
    {
        nameof(CapacityStatus.CompanyId) => CampaignSort.Company,
        nameof(CapacityStatus.PricingModel) => CampaignSort.PricingModel,
        nameof(CapacityStatus.Status) => CampaignSort.Status,
        nameof(CapacityStatus.OverallUtilization) => CampaignSort.Utilization,
        _ => CampaignSort.Name,
    };
}
