using System.Net;
using CapacityAdmin.Web.Jobs;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.Web.Tests.Hosting;

/// <summary>What operators and API consumers reach without a key: the health report and the OpenAPI document.</summary>
public sealed class OperationalEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task Healthz_Anonymous_Is200WithHealthyDatabaseAndJobServerHeartbeat()
    {
        var response = await app.Client.GetAsync("healthz");

        var health = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        var scheduler = checks.GetProperty("scheduler");
        Assert.Equal("Healthy", scheduler.GetProperty("status").GetString());
        var data = scheduler.GetProperty("data");
        Assert.Equal("SQLiteStorage", data.GetProperty("storage").GetString());
        Assert.StartsWith(app.Services.GetRequiredService<JobServerIdentity>().Name + ":", data.GetProperty("server").GetString());
        Assert.True(data.GetProperty("heartbeat").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1), scheduler.ToString());
    }

    [Fact]
    public async Task ApiUnknownRoute_WithKey_Is404ProblemNotFound()
    {
        using var api = await app.CreateApiClientAsync(CapacityAdmin.Domain.Identity.Roles.Administrator);

        var response = await api.GetAsync("api/v1/no-such-resource");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task ApiUnknownRoute_WithoutKey_Is401ProblemNotARedirect()
    {
        var response = await app.Client.GetAsync("api/v1/no-such-resource");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_Is200AndDescribesCompanies()
    {
        var response = await app.Client.GetAsync("openapi/v1.json");

        var document = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/companies", out _),
            "The OpenAPI document does not describe /api/v1/companies.");
        Assert.Equal("CapacityAdmin API", document.GetProperty("info").GetProperty("title").GetString());
    }
}
