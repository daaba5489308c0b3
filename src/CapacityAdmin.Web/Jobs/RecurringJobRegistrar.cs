using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Jobs;

/// <summary>
/// At start, makes the job store's recurring jobs match the configuration: each registered job with a schedule is
/// added or updated (so every server of a cluster converges on the same schedule), a job whose schedule is
/// <c>never</c> (or every job, with <c>Jobs:Enabled=false</c>) is removed, and so is any recurring job the app no longer
/// knows. An invalid cron expression stops the start with a message naming its key.
/// </summary>
public sealed class RecurringJobRegistrar(JobRegistry registry, IRecurringJobManager recurringJobs, JobStorage storage,
    IOptions<JobsOptions> options, IConfiguration configuration, ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, RecurringJobDto> stored;
        using (var connection = storage.GetConnection())
            stored = connection.GetRecurringJobs().Where(r => !r.Removed).ToDictionary(r => r.Id);
        foreach (var job in registry.Jobs)
        {
            var schedule = JobSchedule.Of(job, configuration);
            if (!options.Value.Enabled || JobSchedule.IsNever(schedule))
            {
                recurringJobs.RemoveIfExists(job.Name);
                logger.LogInformation("Job {Job} has no schedule ({Reason})", job.Name, options.Value.Enabled ? $"{job.CronKey} = never" : "Jobs:Enabled = false");
                continue;
            }
            // Another server of the cluster registered the same schedule already: nothing to write, no lock to take.
            if (stored.GetValueOrDefault(job.Name) is { } current && current.Cron == schedule && current.Error is null
                && current.Job?.Type == typeof(HangfireJobAdapter) && current.Job.Args.FirstOrDefault() as string == job.Name)
                continue;
            AddOrUpdate(job, schedule);
        }

        foreach (var stale in stored.Values.Where(r => registry.Find(r.Id) is null))
        {
            recurringJobs.RemoveIfExists(stale.Id);
            logger.LogInformation("Removed the unknown recurring job {Job} from the job store", stale.Id);
        }
        return Task.CompletedTask;
    }

    private void AddOrUpdate(JobDefinition job, string schedule)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                recurringJobs.AddOrUpdate(job.Name, Job.FromExpression<HangfireJobAdapter>(a => a.RunAsync(job.Name, CancellationToken.None)),
                    schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
                return;
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException(
                    $"{job.CronKey} '{schedule}' is not a cron expression (five fields, or six with seconds first; or 'never'): {e.Message}", e);
            }
            catch (Exception e) when (attempt < 3)
            {
                // The recurring job's lock is busy (another server is scheduling it this very second): try again.
                logger.LogWarning(e, "Could not register job {Job} (attempt {Attempt}); retrying", job.Name, attempt);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
