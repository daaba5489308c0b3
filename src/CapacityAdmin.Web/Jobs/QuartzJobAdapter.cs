using Quartz;

namespace CapacityAdmin.Web.Jobs;

/// <summary>The one Quartz job type: looks up the job definition by the Quartz job name and runs it.</summary>
[DisallowConcurrentExecution]
public sealed class QuartzJobAdapter(JobRegistry registry, JobExecutor executor) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = registry.Find(context.JobDetail.Key.Name)
            ?? throw new JobExecutionException($"No job definition named {context.JobDetail.Key.Name}.");
        await executor.ExecuteAsync(job, JobRunContext.ScheduledTrigger, cancellationToken);
    }
}
