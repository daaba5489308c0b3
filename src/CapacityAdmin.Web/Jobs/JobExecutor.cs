using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Web.Jobs;

/// <summary>Runs a job's runner in its own scope and records the run; shared by the scheduler and "run now".</summary>
public sealed class JobExecutor(IServiceScopeFactory scopes, IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, ILogger<JobExecutor> logger)
{
    public async Task<JobRun> ExecuteAsync(JobDefinition job, string trigger, CancellationToken ct)
    {
        var run = new JobRun(job.Name, trigger, Environment.MachineName, clock.GetUtcNow());
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobRunContext>().Trigger = trigger;
            var runner = (ICapacityJob)scope.ServiceProvider.GetRequiredService(job.RunnerType);
            var summary = await runner.RunAsync(ct);
            run.Succeed(clock.GetUtcNow(), summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Job {Job} failed", job.Name);
            run.Fail(clock.GetUtcNow(), ex.Message);
        }

        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
        {
            db.JobRuns.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return run;
    }
}
