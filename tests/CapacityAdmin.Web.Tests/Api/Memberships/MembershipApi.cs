using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api.Memberships;

/// <summary>Set-up helpers over <c>/api/v1</c> for membership tests: unique codes per call, since a fixture's database is shared.</summary>
internal static class MembershipApi
{
    public sealed record World(string State, string District, string Mandal, string Cell);

    public static string Suffix() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A state (zone SOUTH) with one district and one mandal, and an active cell.</summary>
    public static async Task<World> SetUpAsync(HttpClient admin)
    {
        var s = Suffix();
        var world = new World("S" + s, "D" + s, "M" + s, "C" + s);
        await ApiAssert.JsonAsync(await admin.PutAsJsonAsync("api/v1/geography", new
        {
            states = new[] { new { code = world.State, name = "State " + s, zone = "SOUTH" } },
            districts = new[] { new { code = world.District, name = "District " + s, stateCode = world.State } },
            mandals = new[] { new { code = world.Mandal, name = "Mandal " + s, districtCode = world.District } },
        }), HttpStatusCode.OK);
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync("api/v1/cells", new { code = world.Cell, name = "Cell " + s }), HttpStatusCode.Created);
        return world;
    }

    public static async Task<string> DesignationAsync(HttpClient admin, int capacity, decimal fee)
    {
        var code = "G" + Suffix();
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync("api/v1/designations",
            new { code, name = "Designation " + code, defaultCapacity = capacity, fee, validityDays = 365 }), HttpStatusCode.Created);
        return code;
    }

    /// <summary>A STATE-level join in the world's state.</summary>
    public static Task<HttpResponseMessage> JoinAsync(HttpClient client, World w, string designation, string memberRef, bool? activate = null) =>
        client.PostAsJsonAsync("api/v1/memberships", new { memberRef, cell = w.Cell, designation, level = "STATE", state = w.State, activate });

    public static async Task<JsonElement> JoinedAsync(HttpClient client, World w, string designation, string memberRef, bool? activate = null) =>
        await ApiAssert.JsonAsync(await JoinAsync(client, w, designation, memberRef, activate), HttpStatusCode.Created);

    public static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        await ApiAssert.JsonAsync(await client.GetAsync(path), HttpStatusCode.OK);

    public static async Task<JsonElement> AvailabilityAsync(HttpClient client, World w, string designation) =>
        await GetAsync(client, $"api/v1/memberships/availability?cell={w.Cell}&designation={designation}&level=STATE&state={w.State}");
}
