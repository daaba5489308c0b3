using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CapacityAdmin.Web.Tests.Hardening;

/// <summary>The app in environment Production (no demo data), with the settings an operator gives it.</summary>
public sealed class ProductionAppFactory : CapacityAppFactory
{
    public const string PublicBaseUrl = "https://capacity.example.org";

    private ProductionAppFactory(IDictionary<string, string?> settings) : base(settings, null) { }

    public static ProductionAppFactory Create(bool withPublicBaseUrl = true) => new(new Dictionary<string, string?>
    {
        ["App:PublicBaseUrl"] = withPublicBaseUrl ? PublicBaseUrl : null,
        ["Seed:DemoData"] = "false",
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
