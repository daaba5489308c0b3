using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Jobs;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Auth;

/// <summary>Users, jobs and the test email ask the actor themselves, not only the page's role check or the endpoint policy.</summary>
public sealed class AdministrationPermissionsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static readonly Actor Cs = new("cs@tests.local", Roles.CustomerSuccess, null);
    private static readonly Actor Sales = new("sales@tests.local", Roles.Sales, null);
    private static readonly Actor CompanyAdmin = new("company@tests.local", Roles.CompanyAdmin, Guid.NewGuid());
    private static readonly Actor Integration = new("key", Roles.Integration, null);

    private static void AssertForbidden<T>(Result<T> result) =>
        Assert.Equal(ErrorCodes.Forbidden, Assert.IsType<DomainError>(result.Error).Code);

    [Fact]
    public async Task UserAdministration_EveryRoleButAdministrator_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var created = await users.CreateAsync(TestActors.Administrator, $"perm-{Guid.NewGuid():N}@tests.local", null, Roles.Sales, null);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        var id = created.Value.User.Id;

        foreach (var actor in new[] { Cs, Sales, CompanyAdmin, Integration })
        {
            AssertForbidden(await users.ListAsync(actor));
            AssertForbidden(await users.CreateAsync(actor, $"x-{Guid.NewGuid():N}@tests.local", null, Roles.Administrator, null));
            AssertForbidden(await users.UpdateAsync(actor, id, Roles.Administrator, null));
            AssertForbidden(await users.ResetPasswordAsync(actor, id));
            AssertForbidden(await users.DisableAsync(actor, id));
            AssertForbidden(await users.EnableAsync(actor, id));
        }

        var listed = await users.ListAsync(TestActors.Administrator);
        Assert.True(listed.IsSuccess);
        Assert.Contains(listed.Value, u => u.Id == id && u.Role == Roles.Sales && !u.IsDisabled);
    }

    [Fact]
    public async Task Jobs_ReadByStaff_RunByAdministratorOnly()
    {
        var jobs = app.Services.GetRequiredService<JobCatalog>();

        AssertForbidden(await jobs.ListAsync(CompanyAdmin));
        AssertForbidden(await jobs.ListAsync(Integration));
        AssertForbidden(await jobs.RunNowAsync(Cs, "no-such-job"));
        AssertForbidden(await jobs.RunNowAsync(Sales, "no-such-job"));
        Assert.True((await jobs.ListAsync(Sales)).IsSuccess);
        Assert.Equal(ErrorCodes.JobNotFound, (await jobs.RunNowAsync(TestActors.Administrator, "no-such-job")).Error?.Code);
    }

    [Fact]
    public async Task TestEmail_CustomerSuccess_IsRefusedBeforeAnythingIsSent()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = scope.ServiceProvider.GetRequiredService<TestEmailService>();

        AssertForbidden(await email.SendTestAsync(Cs, "ops@acme.example"));
    }
}
