using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Domain.Data;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Registers the context factory for the configured provider and every domain service.
    /// <paramref name="dataDirectory"/> holds the default SQLite file.
    /// </summary>
    public static IServiceCollection AddCapacityDomain(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(configuration, options.Provider, dataDirectory);

        // Pooled: a context is reset and reused instead of built per operation (the hot paths create one per call).
        services.AddPooledDbContextFactory<CapacityDbContext>(b => DbContextOptionsConfigurator.Configure(b, options.Provider, connectionString));
        // Identity's stores and the health check take a scoped context: one from the pool, returned with the scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CapacityDbContext>>().CreateDbContext());
        services.AddSingleton(new DatabaseConnectionInfo(options.Provider, connectionString));
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<CompanyService>();
        services.AddScoped<CampaignCatalogService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<EnrollmentService>();
        services.AddScoped<CreditService>();
        services.AddScoped<CapacityQueryService>();
        services.AddScoped<BundleService>();
        services.AddScoped<Dashboards.DashboardService>();
        services.AddScoped<Forecasts.ForecastService>();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<MembershipSeeder>();
        services.AddOptions<Memberships.MembershipOptions>().Bind(configuration.GetSection(Memberships.MembershipOptions.SectionName));
        services.AddScoped<Memberships.MembershipService>();
        services.AddScoped<Memberships.MembershipCatalogService>();
        services.AddScoped<Memberships.MembershipReportService>();
        services.AddScoped<Reports.UtilizationReportService>();
        services.AddScoped<Geography.GeographyService>();
        services.AddAlerts(configuration);
        return services;
    }

    public static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider, string dataDirectory)
    {
        var configured = configuration.GetConnectionString(provider.ToString());
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"ConnectionStrings:{provider} is required when Database:Provider is {provider}.");
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "capacityadmin.db")}";
    }
}

/// <summary>The provider and connection string in force (for health checks, jobs and commands).</summary>
public sealed record DatabaseConnectionInfo(DatabaseProvider Provider, string ConnectionString);
