using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CapacityAdmin.Web.Jobs;

public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var meta = await scheduler.GetMetadata(cancellationToken);
            var data = new Dictionary<string, object> { ["status"] = meta.Status.ToString(), ["store"] = meta.JobStoreTypeName, ["clustered"] = meta.JobStoreClustered };
            return meta.Status switch
            {
                SchedulerStatus.Running => HealthCheckResult.Healthy($"{meta.SchedulerName} running on {meta.JobStoreTypeName}", data),
                SchedulerStatus.Created or SchedulerStatus.Standby => HealthCheckResult.Degraded("The job scheduler has not started.", data: data),
                _ => HealthCheckResult.Unhealthy($"The job scheduler is {meta.Status}.", data: data),
            };
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The job scheduler cannot be reached.", ex);
        }
    }
}
