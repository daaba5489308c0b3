namespace CapacityAdmin.Web.Jobs;

/// <summary>A job's schedule as configured: a cron expression (five fields, or six with seconds first) or <c>never</c>.</summary>
public static class JobSchedule
{
    public const string Never = "never";

    /// <summary>The configured expression of <paramref name="job"/>, or its default.</summary>
    public static string Of(JobDefinition job, IConfiguration configuration) =>
        configuration[job.CronKey] is { Length: > 0 } configured ? configured.Trim() : job.DefaultCron;

    public static bool IsNever(string schedule) => string.Equals(schedule, Never, StringComparison.OrdinalIgnoreCase);
}
