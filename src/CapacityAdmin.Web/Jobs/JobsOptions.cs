namespace CapacityAdmin.Web.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Off: the scheduler still runs (so "run now" works) but no job fires on its own.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Name shared by the nodes of one cluster (persistent store only).</summary>
    public string SchedulerName { get; set; } = "CapacityAdmin";

    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
