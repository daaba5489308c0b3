using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Memberships.Infrastructure;
using static CapacityAdmin.Domain.Tests.Memberships.Infrastructure.MembershipHarness;

namespace CapacityAdmin.Domain.Tests.Identity;

/// <summary>The reads that used to rely on the endpoint policy or the page's role check now refuse a wrong role in the domain.</summary>
public sealed class PermissionsTests : IAsyncLifetime
{
    private MembershipDatabase _db = null!;
    private MembershipHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await MembershipDatabase.CreateSqliteAsync();
        _h = await MembershipHarness.CreateAsync(_db);
        await _h.DesignationAsync("MEM", capacity: 5);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CatalogAndGeographyReads_CompanyAdmin_AreRefused()
    {
        Refused(await _h.Catalog.ListCellsAsync(CompanyAdmin), ErrorCodes.Forbidden);
        Refused(await _h.Catalog.ListDesignationsAsync(CompanyAdmin), ErrorCodes.Forbidden);
        Refused(await _h.Geography.ListStatesAsync(CompanyAdmin), ErrorCodes.Forbidden);
        Refused(await _h.Geography.ListDistrictsAsync(CompanyAdmin), ErrorCodes.Forbidden);
        Refused(await _h.Geography.ListMandalsAsync(CompanyAdmin), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task CatalogAndGeographyReads_MembershipReaders_SeeTheCatalogue()
    {
        foreach (var reader in new[] { Admin, Cs, Sales, Integration })
        {
            Assert.Contains(Ok(await _h.Catalog.ListCellsAsync(reader)), c => c.Code == _h.C("GB"));
            Assert.Contains(Ok(await _h.Catalog.ListDesignationsAsync(reader)), d => d.Code == _h.C("MEM"));
            Assert.Contains(Ok(await _h.Geography.ListStatesAsync(reader)), s => s.Code == _h.C("S1"));
            Assert.Contains(Ok(await _h.Geography.ListDistrictsAsync(reader, _h.C("S1"))), d => d.Code == _h.C("D1"));
            Assert.Contains(Ok(await _h.Geography.ListMandalsAsync(reader, _h.C("D1"))), m => m.Code == _h.C("M1"));
        }
    }

    [Fact]
    public async Task MembershipSettingsRead_CompanyAdminOrIntegration_IsRefused()
    {
        Refused(await _h.Catalog.GetSettingsAsync(CompanyAdmin), ErrorCodes.Forbidden);
        Refused(await _h.Catalog.GetSettingsAsync(Integration), ErrorCodes.Forbidden);
        Assert.Equal(new MembershipOptions().SeatLockTimeout, Ok(await _h.Catalog.GetSettingsAsync(Admin)).SeatLockTimeout);
    }

    [Fact]
    public async Task ApiKeys_EveryRoleButAdministrator_IsRefused()
    {
        var keys = new ApiKeyService(_db, _h.Clock, new ApiKeyCache());
        var created = Ok(await keys.CreateAsync(Admin, "sign-up", Roles.Integration, null));
        foreach (var actor in new[] { Cs, Sales, Integration, CompanyAdmin })
        {
            Refused(await keys.ListAsync(actor), ErrorCodes.Forbidden);
            Refused(await keys.CreateAsync(actor, "mine", Roles.Administrator, null), ErrorCodes.Forbidden);
            Refused(await keys.RevokeAsync(actor, created.Key.Id), ErrorCodes.Forbidden);
        }

        var listed = Assert.Single(Ok(await keys.ListAsync(Admin)));
        Assert.Equal((created.Key.Id, Admin.Name, (DateTimeOffset?)null), (listed.Id, listed.CreatedBy, listed.RevokedAt));
    }

    [Fact]
    public void Refusal_NamesWhatWasRefusedAndWhoMayDoIt()
    {
        var refusal = Assert.IsType<DomainError>(Sales.Refusal(Permission.EditCapacity, "change capacity"));

        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        Assert.Equal("Your role may not change capacity (only Administrator, CustomerSuccess).", refusal.Detail);
        Assert.Null(Cs.Refusal(Permission.EditCapacity, "change capacity"));
    }
}
