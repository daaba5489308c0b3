using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Memberships;

/// <summary>bUnit for the membership pages: <see cref="DomainComponentTestBase"/> plus geography, cell, designation and cap arrangements.</summary>
public abstract class MembershipComponentTestBase : DomainComponentTestBase
{
    protected async Task ArrangeGeographyAsync()
    {
        var result = await Service<GeographyService>().UpsertAsync(Seeder, new GeographyUpsertRequest(
            [new StateInput("KA", "Karnataka", "SOUTH"), new StateInput("DL", "Delhi", "NORTH")],
            [new DistrictInput("KA-BLR", "Bengaluru", "KA")],
            [new MandalInput("KA-BLR-M1", "Anekal", "KA-BLR")]));
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    protected async Task CreateCellAsync(string code, string name, bool isActive = true) =>
        Ok(await Service<MembershipCatalogService>().CreateCellAsync(Seeder, code, name, isActive));

    protected async Task CreateDesignationAsync(string code, string name, int capacity, decimal fee = 0m) =>
        Ok(await Service<MembershipCatalogService>().CreateDesignationAsync(Seeder, new CreateDesignationRequest(code, name, capacity, fee)));

    protected async Task SetCapAsync(string cell, Level level, string? zone, int capacity) =>
        Ok(await Service<MembershipCatalogService>().UpsertLevelCapacityAsync(Seeder,
            new LevelCapacityRequest(new LevelCapacityKey(cell, level, Zone: zone), capacity, "test arrangement")));

    protected async Task<MembershipView> JoinAsync(string memberRef, string cell, string designation, Level level, string? zone, bool activate = true) =>
        Ok(await Service<MembershipService>().JoinAsync(Seeder,
            new JoinMembershipRequest(memberRef, new MembershipScope(cell, designation, level, zone), Activate: activate))).Membership;

    protected async Task<IReadOnlyList<LevelCapacityView>> CapsAsync(string cell, Level level) =>
        Ok(await Service<MembershipCatalogService>().ListLevelCapacitiesAsync(Seeder, cell, level, new PageRequest(1, 100))).Items;

    protected async Task<MembershipView> MembershipAsync(Guid id) => Ok(await Service<MembershipService>().GetAsync(Seeder, id));
}
