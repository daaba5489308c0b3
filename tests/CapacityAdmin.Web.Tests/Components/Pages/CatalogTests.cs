using Bunit;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Pages;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Components.Pages;

/// <summary>The catalogue page over the real domain services and a real SQLite file: tenancy shows in the UI.</summary>
public sealed class CatalogTests : ComponentTestBase, IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectories.Create("capacity-bunit");
    private Guid _ownCompany;

    public CatalogTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" })
            .Build();
        Services.AddCapacityDomain(configuration, _dataDirectory);
        Services.AddScoped<CurrentActor>();
    }

    public async Task InitializeAsync()
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();

        var now = DateTimeOffset.UtcNow;
        var own = new Company("Northwind Helpers", now);
        var other = new Company("Contoso Care", now);
        db.Companies.AddRange(own, other);
        db.Campaigns.AddRange(
            new Campaign(own.Id, "Beach Clean-up", PricingModel.Seats, CampaignStatus.Active, 30, 500, now),
            new Campaign(own.Id, "Reading Buddies", PricingModel.Iaas, CampaignStatus.Recruiting, 10, 80, now),
            new Campaign(other.Id, "Soup Kitchen Nights", PricingModel.Custom, CampaignStatus.Active, 12, 200, now));
        await db.SaveChangesAsync();
        _ownCompany = own.Id;
    }

    [Fact]
    public void Catalog_AsCompanyAdmin_ListsOnlyOwnCompanysCampaigns()
    {
        SignInAs(Roles.CompanyAdmin, _ownCompany);

        var page = RenderInteractive<Catalog>();

        page.WaitForAssertion(() => Assert.Contains("Beach Clean-up", TextsOf(page.Nodes)));
        var texts = TextsOf(page.Nodes);
        Assert.Contains("My campaigns", texts);
        Assert.Contains("Reading Buddies", texts);
        Assert.Contains("Northwind Helpers", texts);
        Assert.DoesNotContain("Soup Kitchen Nights", texts);
        Assert.DoesNotContain("Contoso Care", texts);
        Assert.Contains("2 of 2 campaigns", texts);
    }

    [Fact]
    public void Catalog_AsCustomerSuccess_ListsEveryCompanysCampaigns()
    {
        SignInAs(Roles.CustomerSuccess);

        var page = RenderInteractive<Catalog>();

        page.WaitForAssertion(() => Assert.Contains("Soup Kitchen Nights", TextsOf(page.Nodes)));
        var texts = TextsOf(page.Nodes);
        Assert.Contains("Companies & campaigns", texts);
        Assert.Contains("Beach Clean-up", texts);
        Assert.Contains("3 of 3 campaigns", texts);
        Assert.Contains("Contoso Care", texts);
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        TestDirectories.Delete(_dataDirectory);
        return Task.CompletedTask;
    }
}
