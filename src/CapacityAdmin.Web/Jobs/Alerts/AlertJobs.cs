namespace CapacityAdmin.Web.Jobs.Alerts;

/// <summary>Registration of the two alert jobs (api-v1.md "Job names").</summary>
public static class AlertJobs
{
    /// <summary>Every 5 minutes, at second 0 (six fields, seconds first).</summary>
    public const string EveryFiveMinutes = "0 0/5 * * * ?";

    /// <summary>Every 30 seconds (six fields, seconds first).</summary>
    public const string EveryThirtySeconds = "0/30 * * * * ?";

    /// <summary>Registers <c>threshold-scan</c> and <c>alert-dispatch</c>. Call before <c>AddCapacityJobs</c>.</summary>
    public static IServiceCollection AddAlertJobs(this IServiceCollection services) => services
        .AddCapacityJob<ThresholdScanJob>(ThresholdScanJob.Name, ThresholdScanJob.ConfigName, EveryFiveMinutes)
        .AddCapacityJob<AlertDispatchJob>(AlertDispatchJob.Name, AlertDispatchJob.ConfigName, EveryThirtySeconds);

    /// <summary>"1 alert", "2 alerts".</summary>
    internal static string Count(int n, string singular, string plural) => $"{n} {(n == 1 ? singular : plural)}";
}
