using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Memberships.MembershipApi;

namespace CapacityAdmin.Web.Tests.Api.Memberships;

/// <summary><c>GET/PUT /api/v1/settings/membership</c> (api-v1.md "Users, settings, jobs" and "Clarifications").</summary>
public sealed class MembershipSettingsEndpointsTests(SweepAppFactory app) : IClassFixture<SweepAppFactory>
{
    private const string Path = "api/v1/settings/membership";

    private static async Task<JsonElement> PutAsync(HttpClient admin, object body) =>
        await ApiAssert.JsonAsync(await admin.PutAsJsonAsync(Path, body), HttpStatusCode.OK);

    private static Task<JsonElement> RestoreDefaultsAsync(HttpClient admin) =>
        PutAsync(admin, new { seatLockTimeout = "00:05:00", expirySweepEnabled = true, hierarchicalCaps = false });

    [Fact]
    public async Task Get_ShowsTheDefaults_AndPutRoundTrips()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        try
        {
            var initial = await ApiAssert.JsonAsync(await admin.GetAsync(Path), HttpStatusCode.OK);
            Assert.Equal("00:05:00", initial.GetProperty("seatLockTimeout").GetString());
            Assert.True(initial.GetProperty("expirySweepEnabled").GetBoolean());
            Assert.False(initial.GetProperty("hierarchicalCaps").GetBoolean());

            var saved = await PutAsync(admin, new { seatLockTimeout = "00:12:30", expirySweepEnabled = false, hierarchicalCaps = true });
            var read = await ApiAssert.JsonAsync(await admin.GetAsync(Path), HttpStatusCode.OK);

            foreach (var body in new[] { saved, read })
            {
                Assert.Equal("00:12:30", body.GetProperty("seatLockTimeout").GetString());
                Assert.False(body.GetProperty("expirySweepEnabled").GetBoolean());
                Assert.True(body.GetProperty("hierarchicalCaps").GetBoolean());
            }
        }
        finally
        {
            await RestoreDefaultsAsync(admin);
        }
    }

    [Fact]
    public async Task NonAdministratorKeys_Are403_AndNoKeyIs401()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var body = new { seatLockTimeout = "00:01:00", expirySweepEnabled = true, hierarchicalCaps = false };

        await ApiAssert.ProblemAsync(await cs.PutAsJsonAsync(Path, body), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await cs.GetAsync(Path), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await sales.GetAsync(Path), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await integration.PutAsJsonAsync(Path, body), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await app.Client.GetAsync(Path), HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var after = await ApiAssert.JsonAsync(await admin.GetAsync(Path), HttpStatusCode.OK);
        Assert.Equal("00:05:00", after.GetProperty("seatLockTimeout").GetString());
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("30.00:00:00")]
    public async Task Put_InvalidTimeout_Is400ValidationFailed_AndChangesNothing(string timeout)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var problem = await ApiAssert.ProblemAsync(await admin.PutAsJsonAsync(Path, new { seatLockTimeout = timeout, expirySweepEnabled = false, hierarchicalCaps = true }),
            HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.True(problem.GetProperty("errors").TryGetProperty("seatLockTimeout", out _), problem.ToString());
        var after = await ApiAssert.JsonAsync(await admin.GetAsync(Path), HttpStatusCode.OK);
        Assert.Equal("00:05:00", after.GetProperty("seatLockTimeout").GetString());
        Assert.True(after.GetProperty("expirySweepEnabled").GetBoolean());
    }

    [Fact]
    public async Task Put_ShortenedTimeout_AppliesAtOnceToAnExistingLock()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 1, fee: 40m);
        var id = (await JoinedAsync(integration, w, d, "locker")).GetProperty("id").GetGuid();
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // younger than the default 5 minutes
        Assert.Equal(1, (await AvailabilityAsync(integration, w, d)).GetProperty("designation").GetProperty("used").GetInt32());
        try
        {
            var saved = await PutAsync(admin, new { seatLockTimeout = "00:01:00", expirySweepEnabled = true, hierarchicalCaps = false });
            Assert.Equal("00:01:00", saved.GetProperty("seatLockTimeout").GetString());

            var seats = (await AvailabilityAsync(integration, w, d)).GetProperty("designation");
            Assert.Equal((0, 1), (seats.GetProperty("used").GetInt32(), seats.GetProperty("remaining").GetInt32()));
            Assert.False((await GetAsync(admin, $"api/v1/memberships/{id}")).GetProperty("holdsSeat").GetBoolean());
        }
        finally
        {
            await RestoreDefaultsAsync(admin);
        }
    }
}
