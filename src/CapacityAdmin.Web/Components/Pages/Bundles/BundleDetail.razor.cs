using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Pages.Campaigns;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace CapacityAdmin.Web.Components.Pages.Bundles;

/// <summary>A bundle: capacity, usage, the split of shares over its campaigns, its timeline; CS changes the capacity with a reason.</summary>
public partial class BundleDetail
{
    public sealed class BundleCapacityForm
    {
        public int? Capacity { get; set; }
        public string? Reason { get; set; }
    }

    [Parameter] public Guid Id { get; set; }

    [Inject] private BundleService Bundles { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    private Actor _actor = default!;
    private BundleStatus? _bundle;
    private bool _notFound;
    private bool _saving;
    private BundleCapacityForm _form = new();
    private RadzenDataGrid<CapacityChangeView>? _timeline;
    private IReadOnlyList<CapacityChangeView>? _changes;
    private int _changeCount;

    /// <summary>The bundle measured against its capacity, which is what enforcement uses.</summary>
    private CapacityFigure CapacityFigure => new("Bundle capacity", "places", _bundle!.Pool.Used, _bundle.Pool.Limit,
        Math.Max(0, _bundle.Pool.Limit - _bundle.Pool.Used), CapacityPolicy.Percent(_bundle.Pool.Utilization), _bundle.Pool.Band);

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        var result = await Bundles.GetStatusAsync(_actor, Id);
        if (!result.IsSuccess)
        {
            _bundle = null;
            _notFound = result.Error.Kind == ErrorKind.NotFound;
            if (!_notFound) Notifications.NotifyError("Bundle not loaded", result.Error);
            return;
        }
        _notFound = false;
        _bundle = result.Value;
        _form = new BundleCapacityForm { Capacity = _bundle.Capacity };
    }

    private async Task SaveAsync(BundleCapacityForm form)
    {
        _saving = true;
        try
        {
            var result = await Bundles.ChangeAsync(_actor, Id, new BundleChange(Capacity: form.Capacity, Reason: form.Reason));
            if (!result.IsSuccess)
            {
                Notifications.NotifyError("Bundle capacity not changed", result.Error);
                return;
            }
            _bundle = result.Value;
            _form = new BundleCapacityForm { Capacity = _bundle.Capacity };
            Notifications.NotifySuccess("Bundle capacity changed", $"The bundle now holds {_bundle.Capacity} places.");
            if (_timeline is not null) await _timeline.Reload();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task LoadTimelineAsync(LoadDataArgs args)
    {
        var (page, size) = CampaignDetail.Paging(args);
        var result = await Bundles.GetTimelineAsync(_actor, Id, page, size);
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Timeline not loaded", result.Error);
            return;
        }
        (_changes, _changeCount) = (result.Value.Items, result.Value.Total);
    }

    private static string StatusText(BundleSubscriptionStatus status) => status == BundleSubscriptionStatus.PastDue ? "past_due" : status.ToString().ToLowerInvariant();
}
