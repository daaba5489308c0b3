using CapacityAdmin.Domain.Data;
using Hangfire;
using Hangfire.AspNetCore;

namespace CapacityAdmin.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire hosted in the app: one job store per provider (<see cref="JobStorageFactory"/>), one server per host, the
    /// registered jobs as recurring jobs (<see cref="RecurringJobRegistrar"/>), the jobs page's <see cref="JobCatalog"/>.
    /// The store, the activator and the server are this host's own (Hangfire's statics are process-wide, and tests run
    /// several hosts in one process).
    /// </summary>
    public static IServiceCollection AddCapacityJobs(this IServiceCollection services, IConfiguration configuration, DatabaseConnectionInfo database)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName))
            .Validate(o => o.WorkerCount is >= 1 and <= 50, "Jobs:WorkerCount must be between 1 and 50.")
            .Validate(o => o.SchedulePollingInterval > TimeSpan.Zero && o.SchedulePollingInterval <= TimeSpan.FromSeconds(15),
                "Jobs:SchedulePollingInterval must be above 0 and at most 00:00:15 (alert-dispatch runs every 30 s).")
            .Validate(o => o.HeartbeatInterval >= TimeSpan.FromSeconds(1), "Jobs:HeartbeatInterval must be at least 1 s.")
            .ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.GetJobRegistry();

        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobCatalog>();
        services.AddScoped<JobRunContext>();
        services.AddTransient<HangfireJobAdapter>();
        services.AddSingleton(JobServerIdentity.New());

        services.AddSingleton(_ => JobStorageFactory.Create(database, options));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogBridge(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHostedService<RecurringJobRegistrar>();
        services.AddHangfireServer((sp, server) =>
        {
            server.ServerName = sp.GetRequiredService<JobServerIdentity>().Name;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.HeartbeatInterval = options.HeartbeatInterval;
            server.ServerCheckInterval = TimeSpan.FromMinutes(1);
            server.ServerTimeout = TimeSpan.FromMinutes(2);
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });
        services.AddAuthorizationBuilder().AddJobsDashboardPolicy();
        return services;
    }

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
