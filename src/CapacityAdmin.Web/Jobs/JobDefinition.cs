namespace CapacityAdmin.Web.Jobs;

/// <summary>A named job, its runner type and its cron schedule (configuration key <c>Jobs:{ConfigName}:Cron</c>).</summary>
public sealed record JobDefinition(string Name, Type RunnerType, string ConfigName, string DefaultCron)
{
    public string CronKey => $"Jobs:{ConfigName}:Cron";
}

/// <summary>The jobs the app knows; features add theirs with <see cref="JobsServiceCollectionExtensions.AddCapacityJob{T}"/>.</summary>
public sealed class JobRegistry
{
    private readonly List<JobDefinition> _jobs = [];

    public IReadOnlyList<JobDefinition> Jobs => _jobs;

    public void Add(JobDefinition job)
    {
        if (_jobs.Any(j => j.Name == job.Name)) throw new InvalidOperationException($"Job {job.Name} is registered twice.");
        _jobs.Add(job);
    }

    public JobDefinition? Find(string name) => _jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));
}
