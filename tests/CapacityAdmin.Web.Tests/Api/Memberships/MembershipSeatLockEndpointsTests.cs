using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Memberships.MembershipApi;

namespace CapacityAdmin.Web.Tests.Api.Memberships;

/// <summary>Payments after a seat lock lapsed (api-v1.md "Membership seats": <c>SEAT_NO_LONGER_AVAILABLE</c>), on a movable clock.</summary>
public sealed class MembershipSeatLockEndpointsTests(SweepAppFactory app) : IClassFixture<SweepAppFactory>
{
    /// <summary>Past the default seat-lock timeout of 5 minutes.</summary>
    private static readonly TimeSpan PastTheLock = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Payment_AfterTheLapsedSeatWasTaken_Is409SeatNoLongerAvailable_AndFlagsARefund()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 1, fee: 100m);
        var a = await JoinedAsync(integration, w, d, "member-a");
        Assert.Equal(("PENDING_PAYMENT", 1), (a.GetProperty("status").GetString(), a.GetProperty("seatSequence").GetInt32()));
        var aId = a.GetProperty("id").GetGuid();

        app.Clock.Advance(PastTheLock);
        var b = await JoinedAsync(integration, w, d, "member-b");
        Assert.Equal(1, b.GetProperty("seatSequence").GetInt32());

        var refused = await ApiAssert.ProblemAsync(await integration.PostAsJsonAsync($"api/v1/memberships/{aId}/payment", new { outcome = "success", providerRef = "late-pay" }),
            HttpStatusCode.Conflict, "SEAT_NO_LONGER_AVAILABLE");

        Assert.True(refused.GetProperty("refundRequired").GetBoolean());
        var aAfter = await GetAsync(integration, $"api/v1/memberships/{aId}");
        Assert.True(aAfter.GetProperty("refundRequired").GetBoolean());
        Assert.False(aAfter.GetProperty("holdsSeat").GetBoolean());
        Assert.NotEqual("ACTIVE", aAfter.GetProperty("status").GetString());
        var bAfter = await GetAsync(integration, $"api/v1/memberships/{b.GetProperty("id").GetGuid()}");
        Assert.True(bAfter.GetProperty("holdsSeat").GetBoolean());
        Assert.False(bAfter.GetProperty("refundRequired").GetBoolean());
        Assert.Equal(1, (await AvailabilityAsync(integration, w, d)).GetProperty("designation").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task Payment_AfterALapsedLock_WhenTheSeatIsStillFree_Succeeds()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 1, fee: 50m);
        var id = (await JoinedAsync(integration, w, d, "slow-payer")).GetProperty("id").GetGuid();

        app.Clock.Advance(PastTheLock);
        Assert.Equal(0, (await AvailabilityAsync(integration, w, d)).GetProperty("designation").GetProperty("used").GetInt32());
        var paid = await ApiAssert.JsonAsync(await integration.PostAsJsonAsync($"api/v1/memberships/{id}/payment", new { outcome = "success", providerRef = "pay-late" }),
            HttpStatusCode.OK);

        Assert.Equal("ACTIVE", paid.GetProperty("status").GetString());
        Assert.Equal("SUCCESS", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal(1, paid.GetProperty("seatSequence").GetInt32());
        Assert.True(paid.GetProperty("holdsSeat").GetBoolean());
        Assert.False(paid.GetProperty("refundRequired").GetBoolean());
        await ApiAssert.ProblemAsync(await JoinAsync(integration, w, d, "latecomer"), HttpStatusCode.Conflict, "NO_SEATS_DESIGNATION");
    }
}
