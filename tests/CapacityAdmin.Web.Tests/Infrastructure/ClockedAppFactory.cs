using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>The app with the given settings and a <see cref="MovableClock"/> as its <see cref="TimeProvider"/>; call <c>InitializeAsync</c>.</summary>
public sealed class ClockedAppFactory : CapacityAppFactory
{
    private ClockedAppFactory(IDictionary<string, string?> settings) : base(settings, null) { }

    public static ClockedAppFactory Create(IDictionary<string, string?> settings) => new(settings);

    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
