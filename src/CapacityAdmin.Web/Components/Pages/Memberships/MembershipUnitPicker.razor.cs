using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CapacityAdmin.Web.Components.Pages.Memberships;

/// <summary>
/// Cascading unit pickers over <see cref="GeographyService"/>: picking a state clears and reloads the districts,
/// picking a district the mandals. The choice is edited in place (<see cref="Value"/>); <see cref="Changed"/> follows
/// every pick so the parent can refresh availability or a preview.
/// </summary>
public partial class MembershipUnitPicker
{
    [Parameter, EditorRequired] public Level Level { get; set; }
    [Parameter, EditorRequired] public UnitChoice Value { get; set; } = default!;
    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>Filters and blanket rows: an empty pick means "any" / "each", not "missing".</summary>
    [Parameter] public bool Optional { get; set; }

    /// <summary>Also shows the zone at levels below ZONE (the list filter).</summary>
    [Parameter] public bool ShowZone { get; set; }

    [Parameter] public bool Disabled { get; set; }

    /// <summary>Prefixes labels ("Target state") where two pickers share a page.</summary>
    [Parameter] public string LabelPrefix { get; set; } = "";

    [Inject] private GeographyService Geography { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    private IReadOnlyList<StateView> _states = [];
    private IReadOnlyList<DistrictView> _districts = [];
    private IReadOnlyList<MandalView> _mandals = [];
    private string? _districtsOf;
    private string? _mandalsOf;
    private bool _statesLoaded;

    private string NamePrefix => LabelPrefix.Replace(" ", "", StringComparison.Ordinal);

    protected override async Task OnParametersSetAsync()
    {
        if (Level >= Level.STATE && !_statesLoaded)
        {
            _states = await Geography.ListStatesAsync(await CurrentActor.GetAsync()).OrEmpty();
            _statesLoaded = true;
        }
        await LoadChildrenAsync();
    }

    private async Task LoadChildrenAsync()
    {
        if (Level >= Level.DISTRICT && Value.State != _districtsOf)
        {
            _districts = Value.State is null ? [] : await Geography.ListDistrictsAsync(await CurrentActor.GetAsync(), Value.State).OrEmpty();
            _districtsOf = Value.State;
        }
        if (Level >= Level.MANDAL && Value.District != _mandalsOf)
        {
            _mandals = Value.District is null ? [] : await Geography.ListMandalsAsync(await CurrentActor.GetAsync(), Value.District).OrEmpty();
            _mandalsOf = Value.District;
        }
    }

    private Task OnZoneAsync(string? zone)
    {
        Value.Zone = Enum.TryParse<Zone>(zone, out var z) ? z : null;
        return Changed.InvokeAsync();
    }

    private async Task OnStateAsync(string? state)
    {
        if (Value.State == state) return;
        Value.State = state;
        Value.District = null;
        Value.Mandal = null;
        await LoadChildrenAsync();
        await Changed.InvokeAsync();
    }

    private async Task OnDistrictAsync(string? district)
    {
        if (Value.District == district) return;
        Value.District = district;
        Value.Mandal = null;
        await LoadChildrenAsync();
        await Changed.InvokeAsync();
    }

    private Task OnMandalAsync(string? mandal)
    {
        Value.Mandal = mandal;
        return Changed.InvokeAsync();
    }
}
