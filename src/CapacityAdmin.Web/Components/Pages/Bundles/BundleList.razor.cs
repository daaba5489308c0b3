using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Pages.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Bundles;

/// <summary>The bundles the actor may see, paged, sorted and searched in SQL (<see cref="BundleService.ListPageAsync"/>); filters in the URL.</summary>
public partial class BundleList
{
    [Inject] private BundleService Bundles { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }

    private ServerGrid<BundleStatus> _list = default!;
    private Actor? _actor;
    private Dictionary<Guid, string> _companyNames = [];
    private string? _search;
    private BundleSubscriptionStatus? _status;

    protected override async Task OnInitializedAsync()
    {
        _list = new(Navigation, Snackbar, "Bundles", StateHasChanged);
        _search = SearchQuery;
        _status = CampaignText.Parse<BundleSubscriptionStatus>(StatusQuery);
        var actor = await CurrentActor.GetAsync();
        _companyNames = (await Companies.ListAsync(actor)).ToDictionary(c => c.Id, c => c.Name);
        _actor = actor;
    }

    private async Task<GridData<BundleStatus>> LoadAsync(GridState<BundleStatus> state, CancellationToken ct)
    {
        if (_actor is null) return ServerGrid<BundleStatus>.Empty;
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new BundleQuery(Status: _status, Search: _search, Sort: SortOf(sort?.SortBy), Descending: sort?.Descending ?? false,
            Page: state.Page + 1, PageSize: state.PageSize);
        var result = await Bundles.ListPageAsync(_actor, query, ct);
        _list.WriteUrl(new Dictionary<string, object?> { ["q"] = _search, ["status"] = CampaignText.Query(_status) });
        return _list.Show(result);
    }

    private string CompanyName(Guid id) => _companyNames.GetValueOrDefault(id, "");

    private static BundleSort SortOf(string? property) => property switch
    {
        nameof(BundleStatus.CompanyId) => BundleSort.Company,
        nameof(BundleStatus.Status) => BundleSort.Status,
        nameof(BundleStatus.Capacity) => BundleSort.Capacity,
        nameof(BundleStatus.TotalConsumed) => BundleSort.Used,
        nameof(BundleStatus.UtilizationPercent) => BundleSort.Utilization,
        _ => BundleSort.Name,
    };
}
