using System.ComponentModel;
using Hangfire;

namespace CapacityAdmin.Web.Jobs;

/// <summary>
/// The one method Hangfire invokes for every recurring job: looks the job up by name and runs it through
/// <see cref="JobExecutor"/>, which records the run in <c>JobRuns</c>. A failed run is rethrown after it was recorded, so the
/// dashboard shows it failed; it is not retried (the next occurrence comes soon) and is then deleted, so failures do not
/// pile up in the store (the history is <c>JobRuns</c>).
/// </summary>
public sealed class HangfireJobAdapter(JobRegistry registry, JobExecutor executor)
{
    [DisplayName("{0}")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(string name, CancellationToken cancellationToken)
    {
        var job = registry.Find(name) ?? throw new InvalidOperationException($"No job named '{name}' is registered.");
        var run = await executor.ExecuteAsync(job, JobRunContext.ScheduledTrigger, cancellationToken);
        if (run.Error is { } error) throw new JobRunFailedException(name, error);
    }
}

public sealed class JobRunFailedException(string job, string error) : Exception($"Job {job} failed: {error}");
