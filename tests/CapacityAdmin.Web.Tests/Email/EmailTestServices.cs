using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Hosting;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>
/// <see cref="EmailServiceCollectionExtensions.AddCapacityEmail"/> alone, over in-memory configuration and a temporary
/// data folder: the email tests need neither a database nor a web host.
/// </summary>
public sealed class EmailTestServices : IAsyncDisposable
{
    private EmailTestServices(ServiceProvider provider, string dataDirectory)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
    }

    public ServiceProvider Provider { get; }

    public string DataDirectory { get; }

    public string DefaultPickupDirectory => Path.Combine(DataDirectory, "mail");

    public static EmailTestServices Create(IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = TestDirectories.Create("capacity-email");
        return new EmailTestServices(BuildProvider(settings, dataDirectory), dataDirectory);
    }

    public static ServiceProvider BuildProvider(IDictionary<string, string?>? settings, string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddCapacityEmail(configuration, new AppPaths(dataDirectory, dataDirectory, dataDirectory));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Runs the start-up validation (what <c>ValidateOnStart</c> does when the host starts).</summary>
    public static void ValidateOnStart(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        TestDirectories.Delete(DataDirectory);
    }

    /// <summary>A critical alert on a campaign, with characters that need escaping in HTML and encoding in headers.</summary>
    public static AlertEmail CriticalCampaignAlert(string to, string poolName = "River Clean-up 2026", string company = "Acme & Sons <Volunteering>") =>
        new(Guid.NewGuid(), Guid.NewGuid(), to, "company_admin", new AlertEmailModel(
            "campaign", Guid.Parse("5b0f4c1e-8f5a-4a53-9d8e-0c3c2f6b7a11"), poolName, company,
            "hard_limit", "critical", "block_enrollments", 112.4m,
            "River Clean-up 2026 reached its hard limit: 56 of 50 places used.",
            new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1))));
}
