using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Components.Pages.Memberships;
using Bunit;
using CapacityAdmin.Web.Tests.Campaigns;

namespace CapacityAdmin.Web.Tests.Memberships;

/// <summary>
/// bUnit for the membership pages: the campaign test base (real domain services over a fresh SQLite file, Radzen,
/// authorization double, clicks by handler id) plus the membership arrangements, all made through the domain services.
/// </summary>
public abstract class MembershipComponentTestBase : CampaignComponentTestBase
{
    /// <summary>States KA (SOUTH) and DL (NORTH), district KA-BLR with mandal KA-BLR-M1.</summary>
    protected async Task ArrangeGeographyAsync()
    {
        var result = await Service<GeographyService>().UpsertAsync(Seeder, new GeographyUpsertRequest(
            [new StateInput("KA", "Karnataka", "SOUTH"), new StateInput("DL", "Delhi", "NORTH")],
            [new DistrictInput("KA-BLR", "Bengaluru", "KA")],
            [new MandalInput("KA-BLR-M1", "Anekal", "KA-BLR")]));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task CreateCellAsync(string code, string name, bool isActive = true)
    {
        var result = await Service<MembershipCatalogService>().CreateCellAsync(Seeder, code, name, isActive);
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task CreateDesignationAsync(string code, string name, int capacity, decimal fee = 0m)
    {
        var result = await Service<MembershipCatalogService>().CreateDesignationAsync(Seeder, new CreateDesignationRequest(code, name, capacity, fee));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task SetCapAsync(string cell, Level level, string? zone, int capacity)
    {
        var result = await Service<MembershipCatalogService>().UpsertLevelCapacityAsync(Seeder,
            new LevelCapacityRequest(new LevelCapacityKey(cell, level, Zone: zone), capacity, "test arrangement"));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task JoinAsync(string memberRef, string cell, string designation, Level level, string? zone)
    {
        var result = await Service<MembershipService>().JoinAsync(Seeder,
            new JoinMembershipRequest(memberRef, new MembershipScope(cell, designation, level, zone), Activate: true));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task<IReadOnlyList<LevelCapacityView>> CapsAsync(string cell, Level level)
    {
        var result = await Service<MembershipCatalogService>().ListLevelCapacitiesAsync(Seeder, cell, level, new Domain.Common.PageRequest(1, 100));
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value.Items;
    }

    /// <summary>Picks an option of a Radzen drop-down by the labels of both (its popup list is in the markup; clicked by handler id).</summary>
    protected Task SelectAsync<T>(IRenderedComponent<T> component, string dropDownLabel, string optionLabel) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var dropDown = component.Find($"[role=combobox][aria-label='{dropDownLabel}']");
        var list = dropDown.GetAttribute("aria-controls") ?? throw new InvalidOperationException($"{dropDownLabel} names no list.");
        return ClickAsync(component.Find($"[id='{list}'] [role=option][aria-label='{optionLabel}']"));
    }
}
