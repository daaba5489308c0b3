using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Seeding;
using CapacityAdmin.Web.Api;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components;
using CapacityAdmin.Web.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace CapacityAdmin.Web.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// In Development, layers the repository's root <c>appsettings.Development.json</c> over the project's
    /// settings, below user secrets, environment variables and the command line.
    /// </summary>
    public static void AddRootDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !File.Exists(AppPaths.RootDevelopmentSettings)) return;
        var sources = builder.Configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        var source = new JsonConfigurationSource { Path = AppPaths.RootDevelopmentSettings, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(lastJson + 1, source);
    }

    public static DatabaseConnectionInfo GetDatabaseConnectionInfo(this IServiceCollection services) =>
        services.Single(d => d.ServiceType == typeof(DatabaseConnectionInfo)).ImplementationInstance as DatabaseConnectionInfo
        ?? throw new InvalidOperationException("AddCapacityDomain must run first.");

    public static IServiceCollection AddCapacityUi(this IServiceCollection services, AppPaths paths)
    {
        // Keys live in the database: they survive restarts and every app server behind a load balancer shares them, so a
        // sign-in cookie or antiforgery token made by one server is accepted by the others (docs/decisions.md "Hardening").
        services.AddDataProtection().PersistKeysToDbContext<CapacityDbContext>().SetApplicationName("CapacityAdmin");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        return services;
    }

    public static IServiceCollection AddCapacityHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CapacityDbContext>("database")
            .AddCheck<JobServerHealthCheck>("scheduler");
        return services;
    }

    /// <summary>
    /// Migrates (unless switched off), ensures the roles and, outside Production, seeds the demo data once.
    /// Commands skip the demo seed: <c>seed --mode advanced</c> must not first load the simple seed.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool seedDemoData)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        await seeder.EnsureRolesAsync();
        if (!seedDemoData || !app.Configuration.GetValue<bool>("Seed:DemoData")) return;
        if (app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Seed:DemoData is ignored in Production: demo users have public passwords.");
            return;
        }
        await seeder.SeedDemoAsync(scope.ServiceProvider.GetRequiredService<AppPaths>().SeedDirectory, app.Configuration.GetValue<bool>("Seed:DemoUsage"));
        // First run only (no cell yet): the membership seed in simple mode, so the membership pages have data.
        await scope.ServiceProvider.GetRequiredService<MembershipSeeder>().SeedIfEmptyAsync(scope.ServiceProvider.GetRequiredService<AppPaths>().SeedDirectory);
    }

    public static WebApplication UseCapacityPipeline(this WebApplication app, AppPaths paths)
    {
        app.UseCapacitySecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                // A refused form post (missing antiforgery token, unbindable field) stays a 400, not a 500.
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = ApiServiceCollectionExtensions.IsClientError,
            });
        }
        // Registered on the app itself, not in a UseWhen branch: a branch (app.New()) lacks the global route
        // builder, so the re-executed request was never routed and the not-found page never rendered (an empty
        // 404, or a sign-in redirect for anonymous requests).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // Only page requests get the not-found page: API errors are problem details, and a refused form post
            // (bad antiforgery token) is answered as it is rather than replayed as a POST to the page.
            var isPageRequest = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            if ((!isPageRequest || context.Request.Path.StartsWithSegments("/api")) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(context);
        });
        app.UseCapacityApiErrors();

        // Brand assets from the repository's wwwroot-assets/ folder, public (the login page needs them).
        if (Directory.Exists(paths.AssetsDirectory))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(paths.AssetsDirectory), RequestPath = "/assets" });

        app.UseAuthentication();
        // Before authorization: a one-time password leads to the change page even where the role would be refused.
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCapacityEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCapacityApi();
        app.MapJobsDashboard();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
