using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Campaigns;

/// <summary>
/// Campaign capacity list: paging, sorting and filtering run in SQL through
/// <see cref="CapacityQueryService.ListCampaignStatusesAsync"/>; a company admin sees only its company (domain query).
/// Filters and sort live in the URL (<c>?q=&amp;company=&amp;model=&amp;band=&amp;status=&amp;sort=&amp;desc=</c>) so a view can be shared.
/// </summary>
public partial class CampaignList
{
    [Inject] private CapacityQueryService Query { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = "company")] public Guid? CompanyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "model")] public string? ModelQuery { get; set; }
    [SupplyParameterFromQuery(Name = "band")] public string? BandQuery { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortQuery { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? DescendingQuery { get; set; }

    private ServerGrid<CapacityStatus> _list = default!;
    private Actor? _actor;
    private IReadOnlyList<CompanySummary> _companies = [];
    private Dictionary<Guid, string> _companyNames = [];
    private int _total;

    private string? _search;
    private Guid? _companyId;
    private PricingModel? _model;
    private CapacityBand? _band;
    private CampaignStatus? _status;
    private CampaignSort? _sort;
    private bool _descending;

    protected override async Task OnInitializedAsync()
    {
        _list = new(Navigation, Snackbar, "Campaigns", StateHasChanged);
        _search = SearchQuery;
        _companyId = CompanyQuery;
        _model = CampaignText.Parse<PricingModel>(ModelQuery);
        _band = CampaignText.Parse<CapacityBand>(BandQuery);
        _status = CampaignText.Parse<CampaignStatus>(StatusQuery);
        _sort = CampaignText.Parse<CampaignSort>(SortQuery);
        _descending = DescendingQuery == true;

        var actor = await CurrentActor.GetAsync();
        _companies = await Companies.ListAsync(actor);
        _companyNames = _companies.ToDictionary(c => c.Id, c => c.Name);
        var all = await Query.ListCampaignStatusesAsync(actor, new CampaignStatusQuery(PageSize: 1));
        _total = all.IsSuccess ? all.Value.Total : 0;
        _actor = actor;
    }

    private async Task<GridData<CapacityStatus>> LoadAsync(GridState<CapacityStatus> state, CancellationToken ct)
    {
        if (_actor is null) return ServerGrid<CapacityStatus>.Empty;
        (_sort, _descending) = _list.SortOf<CampaignSort?>(state, p => SortOf(p), (_sort, _descending), (null, false));
        var query = new CampaignStatusQuery(_companyId, _model, _band, _status, _search, _sort ?? CampaignSort.Name, _descending,
            state.Page + 1, state.PageSize);
        var result = await Query.ListCampaignStatusesAsync(_actor, query, ct);
        _list.WriteUrl(new Dictionary<string, object?>
        {
            ["q"] = _search,
            ["company"] = _companyId,
            ["model"] = CampaignText.Query(_model),
            ["band"] = CampaignText.Query(_band),
            ["status"] = CampaignText.Query(_status),
            ["sort"] = CampaignText.Query(_sort),
            ["desc"] = _descending ? true : null,
        });
        return _list.Show(result);
    }

    private Task OnSearchChanged(string? value) => _list.ApplyAsync(() => _search = string.IsNullOrWhiteSpace(value) ? null : value.Trim());

    private Task OnCompanyChanged(Guid? value) => _list.ApplyAsync(() => _companyId = value);

    private Task OnModelChanged(PricingModel? value) => _list.ApplyAsync(() => _model = value);

    private Task OnBandChanged(CapacityBand? value) => _list.ApplyAsync(() => _band = value);

    private Task OnStatusChanged(CampaignStatus? value) => _list.ApplyAsync(() => _status = value);

    private SortDirection InitialDirection(CampaignSort column) =>
        _sort == column ? (_descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private string CompanyName(Guid? id) => id is { } c ? _companyNames.GetValueOrDefault(c, "") : "";

    private static CampaignSort SortOf(string? property) => property switch
    {
        nameof(CapacityStatus.CompanyId) => CampaignSort.Company,
        nameof(CapacityStatus.PricingModel) => CampaignSort.PricingModel,
        nameof(CapacityStatus.Status) => CampaignSort.Status,
        nameof(CapacityStatus.OverallUtilization) => CampaignSort.Utilization,
        _ => CampaignSort.Name,
    };
}
