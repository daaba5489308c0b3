using CapacityAdmin.Domain.Data;
using Quartz;

namespace CapacityAdmin.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz hosted in the app: an in-memory store on SQLite (one server), a persistent clustered store
    /// on PostgreSQL and SQL Server, so that several servers share the schedule and each fire runs once.
    /// </summary>
    public static IServiceCollection AddCapacityJobs(this IServiceCollection services, IConfiguration configuration, DatabaseConnectionInfo database)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName)).ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var registry = services.GetJobRegistry();

        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobCatalog>();
        services.AddTransient<QuartzJobAdapter>();
        services.AddScoped<JobRunContext>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // In-memory schedulers must not share a name inside one process (tests start several hosts);
                // clustered nodes must share theirs.
                s.InstanceName = database.Provider == DatabaseProvider.Sqlite ? $"{options.SchedulerName}-{Guid.NewGuid():N}" : options.SchedulerName;
                s.GenerateInstanceId = true;
            });
            if (database.Provider != DatabaseProvider.Sqlite)
                q.UsePersistentStore(store =>
                {
                    store.UseSystemTextJsonSerializer(_ => { });
                    if (database.Provider == DatabaseProvider.Postgres)
                        store.UsePostgres(database.ConnectionString);
                    else
                        store.UseSqlServer(database.ConnectionString);
                    store.ConfigureStore(o => o.TablePrefix = "qrtz_");
                    store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
                    store.ProvisionSchema();
                });

            foreach (var job in registry.Jobs)
            {
                var key = new JobKey(job.Name);
                q.AddJob(typeof(QuartzJobAdapter), j => j.WithIdentity(key).StoreDurably(true).WithDescription(job.Name));
                if (options.Enabled)
                    q.AddTrigger(t => t.ForJob(key).WithIdentity(TriggerKeyFor(job.Name))
                        .WithCronSchedule(configuration[job.CronKey] ?? job.DefaultCron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    public static TriggerKey TriggerKeyFor(string jobName) => new($"{jobName}-trigger");

    /// <summary>Registers a job. Call before <see cref="AddCapacityJobs"/>.</summary>
    public static IServiceCollection AddCapacityJob<T>(this IServiceCollection services, string name, string configName, string defaultCron)
        where T : class, ICapacityJob
    {
        services.GetJobRegistry().Add(new JobDefinition(name, typeof(T), configName, defaultCron));
        services.AddScoped<T>();
        return services;
    }

    private static JobRegistry GetJobRegistry(this IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(JobRegistry))?.ImplementationInstance as JobRegistry;
        if (existing is not null) return existing;
        var registry = new JobRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
