namespace CapacityAdmin.Web.Jobs;

/// <summary>The <c>Jobs</c> configuration section (the schedules themselves are <c>Jobs:&lt;Name&gt;:Cron</c>).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Off: every recurring job is removed from the job store, so none fires on its own; "run now" still works.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hangfire workers on this server. The four jobs are short; a few workers keep a slow send from delaying a scan.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// How often this server looks for due recurring occurrences. It must be shorter than the shortest schedule
    /// (alert-dispatch every 30 s), so the default is 1 s: one indexed query per second.
    /// </summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle worker polls the queue (SQLite and PostgreSQL; SQL Server uses Hangfire's default).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often this server reports itself alive to the store (<c>/healthz</c> reads it).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The job store file for the SQLite provider. Default: beside the app database, <c>&lt;name&gt;.jobs.db</c>.</summary>
    public string? SqliteFile { get; set; }

    /// <summary>Schema of the job store on PostgreSQL and SQL Server.</summary>
    public string Schema { get; set; } = "hangfire";
}
