using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Domain.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// The alert services and the validated "Alerts" options. <see cref="AlertDispatchService"/> needs an
    /// <see cref="IAlertMessageSender"/>, which the web host registers (Web/Email).
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>()
            .Bind(configuration.GetSection(AlertOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "The Alerts options are invalid: check Alerts:SalesMailbox, MaxAttempts, RetryBaseDelay, RetryMaxDelay, ClaimTimeout, DispatchBatchSize.")
            .ValidateOnStart();
        services.AddSingleton<AlertBandCache>();
        services.AddScoped<AlertEvaluator>();
        services.AddScoped<AlertScanService>();
        // A factory, so a host without a sender still builds (ValidateOnBuild in Development); resolving
        // the dispatcher without a registered IAlertMessageSender fails with a clear message.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<AlertDispatchService>(sp,
            sp.GetService<IAlertMessageSender>()
            ?? throw new InvalidOperationException("AlertDispatchService needs an IAlertMessageSender; the web host registers one (Web/Email).")));
        services.AddScoped<AlertService>();
        services.AddScoped<AlertSettingsService>();
        return services;
    }
}
