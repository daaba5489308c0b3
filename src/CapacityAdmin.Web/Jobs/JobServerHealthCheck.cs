using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Jobs;

/// <summary>The name this host's Hangfire server registers under (Hangfire appends <c>:pid:guid</c>); unique per host.</summary>
public sealed record JobServerIdentity(string Name)
{
    public static JobServerIdentity New() => new($"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant());

    public bool Owns(string serverId) => serverId.StartsWith(Name + ":", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>/healthz</c> "scheduler": this host's Hangfire server as the job store sees it. Healthy while its last heartbeat is
/// younger than three heartbeat intervals; degraded before it registered (starting); unhealthy when the heartbeat is stale
/// or the store cannot be read.
/// </summary>
public sealed class JobServerHealthCheck(JobStorage storage, JobServerIdentity identity, IOptions<JobsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var data = new Dictionary<string, object> { ["storage"] = storage.GetType().Name, ["servers"] = servers.Count };
            var ours = servers.FirstOrDefault(s => identity.Owns(s.Name));
            if (ours is null)
                return Task.FromResult(HealthCheckResult.Degraded("The job server has not registered with the job store yet.", data: data));

            data["server"] = ours.Name;
            data["workers"] = ours.WorkersCount;
            var heartbeat = ours.Heartbeat is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null;
            if (heartbeat is { } beat) data["heartbeat"] = beat;
            // The store's clock, not a test's movable one: heartbeats are written with the real time.
            var age = heartbeat is { } last ? DateTimeOffset.UtcNow - last : TimeSpan.MaxValue;
            var limit = options.Value.HeartbeatInterval * 3;
            return Task.FromResult(age <= limit
                ? HealthCheckResult.Healthy($"Job server {ours.Name} alive on {storage.GetType().Name}", data)
                : HealthCheckResult.Unhealthy($"The job server's last heartbeat is older than {limit.TotalSeconds:0} s.", data: data));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job store cannot be read.", ex));
        }
    }
}
