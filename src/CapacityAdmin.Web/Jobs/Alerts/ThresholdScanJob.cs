using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Web.Jobs.Alerts;

/// <summary>
/// <c>threshold-scan</c>: evaluates every pool (campaigns, bundles, level caps) against current usage and raises
/// the alerts whose repeat window is open. Safe on several servers: the window is claimed in the database.
/// </summary>
public sealed class ThresholdScanJob(AlertScanService scanner) : ICapacityJob
{
    public const string Name = "threshold-scan";
    public const string ConfigName = "ThresholdScan";

    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var result = await scanner.ScanAsync(cancellationToken);
        return $"scanned {AlertJobs.Count(result.PoolsEvaluated, "pool", "pools")}, raised {AlertJobs.Count(result.AlertsRaised, "alert", "alerts")}";
    }
}
