using System.Net;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Operations;
using CapacityAdmin.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Jobs;

/// <summary>The four jobs as Hangfire recurring jobs on the embedded SQLite job store.</summary>
public sealed class HangfireJobTests
{
    private static readonly string[] JobNames = ["threshold-scan", "alert-dispatch", "seat-lock-sweep", "validity-sweep"];

    private static Dictionary<string, string?> Every2Seconds() => new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:ThresholdScan:Cron"] = "*/2 * * * * *",
        ["Jobs:AlertDispatch:Cron"] = "1/2 * * * * *",
        ["Jobs:SeatLockSweep:Cron"] = "*/2 * * * * *",
        ["Jobs:ValiditySweep:Cron"] = "1/2 * * * * *",
    };

    private static async Task<List<JobRun>> ScheduledRunsAsync(CapacityAppFactory app, string job)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContextAsync();
        return await db.JobRuns.AsNoTracking().Where(r => r.JobName == job && r.Trigger == "scheduled" && r.FinishedAt != null).ToListAsync();
    }

    [Fact]
    public async Task EachJob_OnTheSqliteStore_FiresOnItsScheduleThroughHangfire_AndTheRunIsRecorded()
    {
        await using var app = CapacityAppFactory.Create(Every2Seconds());
        await app.InitializeAsync();

        foreach (var job in JobNames)
            await Poll.UntilAsync(async () => (await ScheduledRunsAsync(app, job)).Count >= 2, $"two scheduled runs of {job}");

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "capacityadmin.jobs.db")), "The job store is not a file of its own beside the app database.");
        var storage = app.Services.GetRequiredService<JobStorage>();
        Assert.Equal("SQLiteStorage", storage.GetType().Name);
        using (var connection = storage.GetConnection())
        {
            var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
            Assert.Equal(JobNames.Order(), recurring.Keys.Order());
            Assert.All(recurring.Values, r => Assert.NotNull(r.LastJobId));
        }
        // A run is recorded as finished inside the job; Hangfire marks it succeeded just after the job returns.
        await Poll.UntilAsync(() => storage.GetMonitoringApi().SucceededListCount() >= JobNames.Length * 2, "Hangfire to record a succeeded job per run");
        foreach (var job in JobNames)
        {
            var runs = await ScheduledRunsAsync(app, job);
            Assert.All(runs, r => Assert.Equal((JobOutcome.Succeeded, null), (r.Outcome, r.Error)));
            Assert.All(runs, r => Assert.False(string.IsNullOrEmpty(r.Summary)));
        }
    }

    [Fact]
    public async Task CronNever_StartsWithNoSchedule_TheOthersKeepTheirDefaults_AndRunNowStillWorks()
    {
        await using var app = CapacityAppFactory.Create(new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:ThresholdScan:Cron"] = "never",
        });
        await app.InitializeAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var jobs = (await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/jobs"), HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(j => j.GetProperty("name").GetString()!);
        var run = await AlertJobApi.RunAsync(admin, "threshold-scan", @"^scanned \d+ pools?, raised \d+ alerts?$");

        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
            Assert.DoesNotContain("threshold-scan", recurring.Keys);
            Assert.Equal("0/30 * * * * ?", recurring["alert-dispatch"].Cron);
            Assert.Equal("0 * * * * ?", recurring["seat-lock-sweep"].Cron);
            Assert.Equal("0 * * * * ?", recurring["validity-sweep"].Cron);
        }
        var scan = jobs["threshold-scan"];
        Assert.Equal("never", scan.GetProperty("schedule").GetString());
        Assert.True(!scan.TryGetProperty("nextRunAt", out var next) || next.ValueKind == System.Text.Json.JsonValueKind.Null, scan.ToString());
        foreach (var other in JobNames.Skip(1))
            Assert.Equal(System.Text.Json.JsonValueKind.String, jobs[other].GetProperty("nextRunAt").ValueKind);
        Assert.StartsWith("scanned ", run);
    }

    [Fact]
    public async Task Restart_WithCronNever_RemovesTheStoredSchedule()
    {
        var data = TestDirectories.Create("capacity-never");
        try
        {
            await using (var first = CapacityAppFactory.Create(new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" }, data))
            {
                await first.InitializeAsync();
                using var connection = first.Services.GetRequiredService<JobStorage>().GetConnection();
                Assert.Contains("validity-sweep", connection.GetRecurringJobs().Select(r => r.Id));
            }

            await using var second = CapacityAppFactory.Create(new Dictionary<string, string?>
            {
                ["Jobs:Enabled"] = "true",
                ["Jobs:ValiditySweep:Cron"] = "never",
                ["Seed:DemoData"] = "false",
            }, data);
            await second.InitializeAsync();

            using var again = second.Services.GetRequiredService<JobStorage>().GetConnection();
            Assert.Equal(JobNames.Where(j => j != "validity-sweep").Order(), again.GetRecurringJobs().Select(r => r.Id).Order());
        }
        finally
        {
            TestDirectories.Delete(data);
        }
    }

    [Fact]
    public async Task InvalidCron_StopsTheStart_NamingTheKey()
    {
        await using var app = CapacityAppFactory.Create(new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:AlertDispatch:Cron"] = "every thirty seconds",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        Assert.Contains("Jobs:AlertDispatch:Cron 'every thirty seconds'", error.ToString());
    }
}
