using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Operations;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Web.Jobs;

public sealed record JobStatus(string Name, string Schedule, bool Scheduled, DateTimeOffset? LastRunAt, string? LastOutcome, string? LastError, string? LastSummary, DateTimeOffset? NextRunAt);

public sealed record JobRunResult(string Name, string Outcome, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error, string? Summary);

/// <summary>
/// What the jobs page and <c>/api/v1/jobs</c> show: schedules and next runs from the Hangfire job store, last runs from
/// <c>JobRuns</c>. "Run now" runs the job in the caller's request through <see cref="JobExecutor"/> (recorded like a
/// scheduled run), so it answers when the job has finished, whether or not the job has a schedule.
/// </summary>
public sealed class JobCatalog(JobRegistry registry, JobStorage storage, JobExecutor executor, IDbContextFactory<CapacityDbContext> contexts, IConfiguration configuration)
{
    public async Task<Result<IReadOnlyList<JobStatus>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadOperations, "read jobs") is { } denied) return denied;
        Dictionary<string, RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
            recurring = connection.GetRecurringJobs(registry.Jobs.Select(j => j.Name)).Where(r => !r.Removed).ToDictionary(r => r.Id);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var result = new List<JobStatus>();
        foreach (var job in registry.Jobs)
        {
            var scheduled = recurring.GetValueOrDefault(job.Name);
            var last = await db.JobRuns.AsNoTracking().Where(r => r.JobName == job.Name)
                .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
            result.Add(new JobStatus(job.Name, JobSchedule.Of(job, configuration), scheduled is not null,
                last?.StartedAt, last is null ? null : WireNames.Of(last.Outcome), last?.Error, last?.Summary, Utc(scheduled?.NextExecution)));
        }
        return Result<IReadOnlyList<JobStatus>>.Success(result);
    }

    public async Task<Result<JobRunResult>> RunNowAsync(Actor actor, string name, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "run jobs") is { } denied) return denied;
        var job = registry.Find(name);
        if (job is null) return DomainError.NotFound(ErrorCodes.JobNotFound, $"There is no job named '{name}'.");
        var run = await executor.ExecuteAsync(job, JobRunContext.ManualPrefix + actor.Name, ct);
        return new JobRunResult(job.Name, WireNames.Of(run.Outcome), run.StartedAt, run.FinishedAt, run.Error, run.Summary);
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

}
