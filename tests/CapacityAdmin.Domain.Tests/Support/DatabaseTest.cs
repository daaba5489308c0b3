using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Support;

/// <summary>Base of tests against a real database: the services, the actors and small arrange helpers.</summary>
public abstract class DatabaseTest(TestDatabase database) : IAsyncLifetime
{
    protected static readonly Actor Admin = new("admin@test", Roles.Administrator, null);
    protected static readonly Actor Cs = new("cs@test", Roles.CustomerSuccess, null);
    protected static readonly Actor Sales = new("sales@test", Roles.Sales, null);
    protected static readonly Actor Integration = new("integration-key", Roles.Integration, null);

    protected TestDatabase Database { get; } = database;
    protected TestTimeProvider Clock { get; } = new();

    /// <summary>The "Alerts" options every alert service of the test gets; a test may change them before use.</summary>
    protected AlertOptions AlertOptions { get; } = new();

    protected CampaignService CampaignService => new(Database, Clock);
    protected AlertEvaluator AlertEvaluator => new(Database, Clock, Options.Create(AlertOptions), NullLogger<AlertEvaluator>.Instance,
        new CapacityAdmin.Domain.Memberships.MembershipReportService(Database, Clock, Options.Create(new CapacityAdmin.Domain.Memberships.MembershipOptions())));
    protected EnrollmentService Enrollments => new(Database, Clock, AlertEvaluator);
    protected CreditService CreditService => new(Database, Clock, AlertEvaluator);
    protected CapacityQueryService Queries => new(Database);
    protected BundleService BundleService => new(Database, Clock);

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    protected static Actor CompanyAdminOf(Guid companyId) => new("company-admin@test", Roles.CompanyAdmin, companyId);

    protected static Actor IntegrationOf(Guid companyId) => new("company-key", Roles.Integration, companyId);

    protected static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, $"Expected success, got {result.Error?.Code}: {result.Error?.Detail}");
        return result.Value!;
    }

    protected static DomainError Fails<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, "Expected an error, got success.");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }

    /// <summary>A consumption refused with <paramref name="code"/> (a result value, not an error).</summary>
    protected static ConsumptionResult Refused(Result<ConsumptionResult> result, string code)
    {
        var value = Ok(result);
        Assert.False(value.Allowed, "Expected a refusal.");
        Assert.Equal(code, value.Code);
        return value;
    }

    protected async Task<Guid> NewCompanyAsync() =>
        Ok(await new CompanyService(Database, Clock).CreateAsync(Admin, $"Company {Guid.NewGuid():N}")).Id;

    protected async Task<CapacityStatus> NewCampaignAsync(Guid companyId, PricingModel model = PricingModel.Seats, int? seats = null,
        decimal? credits = null, int? learners = null, int targetVolunteers = 10, decimal? overage = null,
        CampaignStatus status = CampaignStatus.Active, Guid? bundleId = null, decimal? share = null)
    {
        var request = new CreateCampaignRequest(companyId, $"Campaign {Guid.NewGuid():N}", model, targetVolunteers, 100,
            CommittedSeats: model == PricingModel.Seats ? seats ?? 10 : null,
            CreditAllocation: model == PricingModel.Credits ? credits ?? 100m : null,
            LearnersCommitted: model == PricingModel.Iaas ? learners ?? 10 : null,
            BundleId: bundleId, BundleShare: share, OveragePercent: overage, Status: status);
        return Ok(await CampaignService.CreateAsync(Admin, request));
    }

    protected async Task<BundleStatus> NewBundleAsync(Guid companyId, int capacity, BundleSubscriptionStatus status = BundleSubscriptionStatus.Active) =>
        Ok(await BundleService.CreateAsync(Admin, new CreateBundleRequest(companyId, $"Bundle {Guid.NewGuid():N}", "SKU-1", capacity, status)));

    protected async Task EnrollVolunteersAsync(Guid campaignId, int count, string prefix = "v")
    {
        for (var i = 0; i < count; i++)
            Assert.True(Ok(await Enrollments.EnrollVolunteerAsync(Admin, campaignId, $"{prefix}-{i}")).Allowed);
    }

    protected async Task EnrollLearnersAsync(Guid campaignId, int count, string prefix = "l")
    {
        for (var i = 0; i < count; i++)
            Assert.True(Ok(await Enrollments.EnrollLearnerAsync(Admin, campaignId, $"{prefix}-{i}")).Allowed);
    }

    protected async Task<CapacityStatus> StatusAsync(Guid campaignId) => Ok(await Queries.GetCampaignStatusAsync(Admin, campaignId));

    /// <summary>Runs <paramref name="count"/> calls at once behind a start gate, each on its own context.</summary>
    protected static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await call(i);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}

/// <summary>A database test on a fresh SQLite file.</summary>
public abstract class SqliteTest() : DatabaseTest(new SqliteTestDatabase());
