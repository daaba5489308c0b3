using System.Net;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Jobs;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary><c>seat-lock-sweep</c> and <c>validity-sweep</c> through <c>/api/v1/jobs</c> and the scheduler's entry point.</summary>
public sealed class MembershipSweepJobTests(SweepAppFactory app) : IClassFixture<SweepAppFactory>
{
    private static readonly Actor Admin = new("sweep-tests", Roles.Administrator, null);

    /// <summary>A fresh cell and designation (fee above 0) and one member joined at NATIONAL level.</summary>
    private async Task<Guid> JoinAsync(bool activate)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<MembershipCatalogService>();
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Assert.True((await catalog.CreateCellAsync(Admin, $"SWEEP_{suffix}", "Sweep cell")).IsSuccess);
        Assert.True((await catalog.CreateDesignationAsync(Admin, new CreateDesignationRequest($"PAID_{suffix}", "Paid", 3, 100m, 30))).IsSuccess);
        var joined = await scope.ServiceProvider.GetRequiredService<MembershipService>().JoinAsync(Admin,
            new JoinMembershipRequest($"member-{suffix}", new MembershipScope($"SWEEP_{suffix}", $"PAID_{suffix}", Level.NATIONAL), activate));
        Assert.True(joined.IsSuccess, joined.Error?.Detail);
        Assert.Equal(activate ? MembershipStatus.ACTIVE : MembershipStatus.PENDING_PAYMENT, joined.Value.Membership.Status);
        return joined.Value.Membership.Id;
    }

    private async Task<string?> StatusAsync(HttpClient client, Guid id) =>
        (await ApiAssert.JsonAsync(await client.GetAsync($"api/v1/memberships/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString();

    private static async Task<string> RunAsync(HttpClient client, string job, string summaryPattern)
    {
        var run = await ApiAssert.JsonAsync(await client.PostAsync($"api/v1/jobs/{job}/run", content: null), HttpStatusCode.OK);
        Assert.Equal(job, run.GetProperty("name").GetString());
        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        var summary = run.GetProperty("summary").GetString()!;
        Assert.Matches(summaryPattern, summary);
        return summary;
    }

    [Fact]
    public async Task SeatLockSweep_RunByAdministrator_ExpiresALapsedLock()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var id = await JoinAsync(activate: false);
        app.Clock.Advance(TimeSpan.FromMinutes(6)); // the default seat-lock timeout is 5 minutes

        var summary = await RunAsync(admin, "seat-lock-sweep", @"^\d+ lapsed seat locks? expired$");

        Assert.True(int.Parse(summary.Split(' ')[0]) >= 1, summary);
        Assert.Equal("EXPIRED", await StatusAsync(admin, id));
        Assert.Equal("0 lapsed seat locks expired", await RunAsync(admin, "seat-lock-sweep", ".*"));
    }

    [Fact]
    public async Task ValiditySweep_RunByAdministrator_ExpiresAMembershipPastItsValidity()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var id = await JoinAsync(activate: true);
        app.Clock.Advance(TimeSpan.FromDays(31)); // validity 30 days

        await RunAsync(admin, "validity-sweep", @"^[1-9]\d* (membership|memberships) past validity expired$");

        Assert.Equal("EXPIRED", await StatusAsync(admin, id));
    }

    [Fact]
    public async Task Sweeps_SwitchedOff_ScheduledRunDoesNothing_RunByHandStillSweeps()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var id = await JoinAsync(activate: false);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await SettingsAsync(expirySweepEnabled: false);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var registry = scope.ServiceProvider.GetRequiredService<JobRegistry>();
            var executor = scope.ServiceProvider.GetRequiredService<JobExecutor>();

            var seatLocks = await executor.ExecuteAsync(registry.Find("seat-lock-sweep")!, "scheduled", CancellationToken.None);
            var validity = await executor.ExecuteAsync(registry.Find("validity-sweep")!, "scheduled", CancellationToken.None);

            Assert.Equal(("sweeps are switched off", "sweeps are switched off"), (seatLocks.Summary, validity.Summary));
            Assert.Equal("PENDING_PAYMENT", await StatusAsync(admin, id));

            await RunAsync(admin, "seat-lock-sweep", @"^[1-9]\d* lapsed seat locks? expired$");

            Assert.Equal("EXPIRED", await StatusAsync(admin, id));
        }
        finally
        {
            await SettingsAsync(expirySweepEnabled: true);
        }
    }

    [Fact]
    public async Task ListJobs_ShowsBothSweepsWithTheirSchedules()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var jobs = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/jobs"), HttpStatusCode.OK);

        var schedules = jobs.EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!, j => j.GetProperty("schedule").GetString());
        Assert.Equal("0 * * * * ?", schedules["seat-lock-sweep"]);
        Assert.Equal(SweepAppFactory.ValidityCron, schedules["validity-sweep"]);
    }

    private async Task SettingsAsync(bool expirySweepEnabled)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<MembershipCatalogService>();
        var current = (await catalog.GetSettingsAsync(Admin)).Value!;
        var saved = await catalog.UpdateSettingsAsync(Admin, current with { ExpirySweepEnabled = expirySweepEnabled });
        Assert.True(saved.IsSuccess, saved.Error?.Detail);
    }
}
