namespace CapacityAdmin.Web.Jobs;

/// <summary>
/// What started the current run, for jobs that behave differently when run by hand (the membership
/// sweeps skip scheduled runs while <c>expirySweepEnabled</c> is off). Scoped: <see cref="JobExecutor"/>
/// sets it in the run's scope before resolving the runner, which may take it in its constructor.
/// </summary>
public sealed class JobRunContext
{
    public const string ScheduledTrigger = "scheduled";
    public const string ManualPrefix = "manual:";

    /// <summary><c>scheduled</c> or <c>manual:&lt;who&gt;</c> (as recorded on the job run).</summary>
    public string Trigger { get; set; } = ScheduledTrigger;

    public bool IsManual => Trigger.StartsWith(ManualPrefix, StringComparison.Ordinal);
}
