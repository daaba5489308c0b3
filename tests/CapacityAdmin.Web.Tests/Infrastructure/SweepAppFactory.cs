using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>The app with a movable clock and the validity sweep's schedule overridden in configuration.</summary>
public sealed class SweepAppFactory : CapacityAppFactory
{
    public const string ValidityCron = "0 30 2 * * ?";

    public SweepAppFactory() : base(new Dictionary<string, string?> { ["Jobs:ValiditySweep:Cron"] = ValidityCron }, null) { }

    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
