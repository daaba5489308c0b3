using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CapacityAdmin.Web.Jobs;

public sealed record JobStatus(string Name, string Schedule, bool Scheduled, DateTimeOffset? LastRunAt, string? LastOutcome, string? LastError, string? LastSummary, DateTimeOffset? NextRunAt);

public sealed record JobRunResult(string Name, string Outcome, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error, string? Summary);

/// <summary>What the jobs page and <c>/api/v1/jobs</c> show: schedules from Quartz, last runs from the database.</summary>
public sealed class JobCatalog(JobRegistry registry, ISchedulerFactory schedulers, JobExecutor executor, IDbContextFactory<CapacityDbContext> contexts, IConfiguration configuration)
{
    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var result = new List<JobStatus>();
        foreach (var job in registry.Jobs)
        {
            var trigger = await scheduler.GetTrigger(JobsServiceCollectionExtensions.TriggerKeyFor(job.Name), ct);
            var last = await db.JobRuns.AsNoTracking().Where(r => r.JobName == job.Name)
                .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
            result.Add(new JobStatus(job.Name, configuration[job.CronKey] ?? job.DefaultCron, trigger is not null,
                last?.StartedAt, last is null ? null : Lower(last.Outcome), last?.Error, last?.Summary, trigger?.NextFireTimeUtc));
        }
        return result;
    }

    public async Task<Result<JobRunResult>> RunNowAsync(string name, string who, CancellationToken ct = default)
    {
        var job = registry.Find(name);
        if (job is null) return DomainError.NotFound(ErrorCodes.JobNotFound, $"There is no job named '{name}'.");
        var run = await executor.ExecuteAsync(job, JobRunContext.ManualPrefix + who, ct);
        return new JobRunResult(job.Name, Lower(run.Outcome), run.StartedAt, run.FinishedAt, run.Error, run.Summary);
    }

    private static string Lower(JobOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
