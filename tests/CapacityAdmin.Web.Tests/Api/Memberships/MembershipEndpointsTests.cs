using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api.Memberships;

/// <summary>Membership seats through the real HTTP pipeline (api-v1.md "Membership seats").</summary>
public sealed class MembershipEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    /// <summary>Unique codes per test: the fixture's database is shared.</summary>
    private sealed record World(string State, string District, string Mandal, string Cell);

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static async Task<World> SetUpAsync(HttpClient admin, bool cellActive = true)
    {
        var s = Suffix();
        var world = new World("S" + s, "D" + s, "M" + s, "C" + s);
        var geo = await admin.PutAsJsonAsync("api/v1/geography", new
        {
            states = new[] { new { code = world.State, name = "State " + s, zone = "SOUTH" } },
            districts = new[] { new { code = world.District, name = "District " + s, stateCode = world.State } },
            mandals = new[] { new { code = world.Mandal, name = "Mandal " + s, districtCode = world.District } },
        });
        await ApiAssert.JsonAsync(geo, HttpStatusCode.OK);
        var cell = await admin.PostAsJsonAsync("api/v1/cells", new { code = world.Cell, name = "Cell " + s, isActive = cellActive });
        await ApiAssert.JsonAsync(cell, HttpStatusCode.Created);
        return world;
    }

    private static async Task<string> DesignationAsync(HttpClient admin, int capacity, decimal fee)
    {
        var code = "G" + Suffix();
        var response = await admin.PostAsJsonAsync("api/v1/designations", new { code, name = "Designation " + code, defaultCapacity = capacity, fee, validityDays = 365 });
        await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        return code;
    }

    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, World w, string designation, string memberRef, string level = "STATE", bool? activate = null) =>
        client.PostAsJsonAsync("api/v1/memberships", new { memberRef, cell = w.Cell, designation, level, state = w.State, activate });

    private static async Task<JsonElement> JoinedAsync(HttpClient client, World w, string designation, string memberRef, bool? activate = null) =>
        await ApiAssert.JsonAsync(await JoinAsync(client, w, designation, memberRef, activate: activate), HttpStatusCode.Created);

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode status = HttpStatusCode.OK) =>
        await ApiAssert.JsonAsync(await client.PostAsJsonAsync(path, body), status);

    [Fact]
    public async Task Join_WithFee_Is201PendingPaymentWithSeatOne_AndRejoinIs200SameId()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var designation = await DesignationAsync(admin, capacity: 3, fee: 100m);

        var joined = await JoinedAsync(integration, w, designation, "member-1");

        Assert.Equal("PENDING_PAYMENT", joined.GetProperty("status").GetString());
        Assert.Equal("PENDING", joined.GetProperty("paymentStatus").GetString());
        Assert.Equal("STATE", joined.GetProperty("level").GetString());
        Assert.Equal("SOUTH", joined.GetProperty("zone").GetString());
        Assert.Equal(1, joined.GetProperty("seatSequence").GetInt32());
        Assert.Equal(100m, joined.GetProperty("fee").GetDecimal());
        Assert.True(joined.GetProperty("requiresPayment").GetBoolean());
        Assert.True(joined.GetProperty("holdsSeat").GetBoolean());

        var again = await ApiAssert.JsonAsync(await JoinAsync(integration, w, designation, "member-1"), HttpStatusCode.OK);
        Assert.Equal(joined.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());

        var second = await JoinedAsync(integration, w, designation, "member-2");
        Assert.Equal(2, second.GetProperty("seatSequence").GetInt32());
    }

    [Fact]
    public async Task Join_WithoutFee_IsPendingApproval_ThenApproveRevokeReactivate()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var w = await SetUpAsync(admin);
        var designation = await DesignationAsync(admin, capacity: 2, fee: 0m);

        var joined = await JoinedAsync(cs, w, designation, "free-1");
        Assert.Equal("PENDING_APPROVAL", joined.GetProperty("status").GetString());
        Assert.Equal("NOT_REQUIRED", joined.GetProperty("paymentStatus").GetString());
        var id = joined.GetProperty("id").GetGuid();

        var approved = await PostAsync(cs, $"api/v1/memberships/{id}/approve", new { reason = "ok" });
        Assert.Equal("ACTIVE", approved.GetProperty("status").GetString());
        await ApiAssert.ProblemAsync(await cs.PostAsJsonAsync($"api/v1/memberships/{id}/reactivate", new { }), HttpStatusCode.Conflict, "INVALID_TRANSITION");

        var revoked = await PostAsync(cs, $"api/v1/memberships/{id}/revoke", new { reason = "left" });
        Assert.Equal("REVOKED", revoked.GetProperty("status").GetString());
        Assert.False(revoked.GetProperty("holdsSeat").GetBoolean());
        await ApiAssert.ProblemAsync(await cs.PostAsJsonAsync($"api/v1/memberships/{id}/approve", new { }), HttpStatusCode.Conflict, "INVALID_TRANSITION");

        var reactivated = await PostAsync(cs, $"api/v1/memberships/{id}/reactivate", new { reason = "back" });
        Assert.Equal("ACTIVE", reactivated.GetProperty("status").GetString());

        var fetched = await ApiAssert.JsonAsync(await cs.GetAsync($"api/v1/memberships/{id}"), HttpStatusCode.OK);
        Assert.Equal("ACTIVE", fetched.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Payment_Success_MakesItActiveWithExpiry_AndPayingTwiceIsInvalidTransition()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var designation = await DesignationAsync(admin, capacity: 2, fee: 50m);
        var id = (await JoinedAsync(integration, w, designation, "payer")).GetProperty("id").GetGuid();

        var paid = await PostAsync(integration, $"api/v1/memberships/{id}/payment", new { outcome = "success", providerRef = "pay-1" });

        Assert.Equal("ACTIVE", paid.GetProperty("status").GetString());
        Assert.Equal("SUCCESS", paid.GetProperty("paymentStatus").GetString());
        Assert.True(paid.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(300));
        await ApiAssert.ProblemAsync(await integration.PostAsJsonAsync($"api/v1/memberships/{id}/payment", new { outcome = "success" }),
            HttpStatusCode.Conflict, "INVALID_TRANSITION");
        await ApiAssert.ProblemAsync(await integration.PostAsJsonAsync($"api/v1/memberships/{id}/payment", new { outcome = "maybe" }),
            HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Join_WhenDesignationFull_Is409NoSeatsDesignation()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);
        var designation = await DesignationAsync(admin, capacity: 1, fee: 0m);
        await JoinedAsync(admin, w, designation, "first");

        await ApiAssert.ProblemAsync(await JoinAsync(admin, w, designation, "second"), HttpStatusCode.Conflict, "NO_SEATS_DESIGNATION");
    }

    [Fact]
    public async Task Join_WhenAggregateCapFull_Is409NoSeatsLevelAggregate_AndAvailabilityShowsIt()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var w = await SetUpAsync(admin);
        var a = await DesignationAsync(admin, capacity: 5, fee: 0m);
        var b = await DesignationAsync(admin, capacity: 5, fee: 0m);
        var cap = await admin.PutAsJsonAsync("api/v1/level-capacities", new { cell = w.Cell, level = "STATE", state = w.State, capacity = 1, reason = "pilot" });
        var row = await ApiAssert.JsonAsync(cap, HttpStatusCode.OK);
        Assert.Equal(0, row.GetProperty("used").GetInt32());

        await JoinedAsync(admin, w, a, "one");
        await ApiAssert.ProblemAsync(await JoinAsync(admin, w, b, "two"), HttpStatusCode.Conflict, "NO_SEATS_LEVEL_AGGREGATE");

        var availability = await ApiAssert.JsonAsync(await sales.GetAsync(
            $"api/v1/memberships/availability?cell={w.Cell}&designation={b}&level=STATE&state={w.State}"), HttpStatusCode.OK);
        Assert.Equal(5, availability.GetProperty("designation").GetProperty("capacity").GetInt32());
        Assert.Equal(0, availability.GetProperty("designation").GetProperty("used").GetInt32());
        Assert.Equal(5, availability.GetProperty("designation").GetProperty("remaining").GetInt32());
        Assert.Equal(1, availability.GetProperty("levelAggregate").GetProperty("capacity").GetInt32());
        Assert.Equal(1, availability.GetProperty("levelAggregate").GetProperty("used").GetInt32());
        Assert.Equal(0, availability.GetProperty("levelAggregate").GetProperty("remaining").GetInt32());
        Assert.Equal(0m, availability.GetProperty("fee").GetDecimal());
    }

    [Fact]
    public async Task Availability_WithoutCaps_HasNullAggregateAndDesignationNumbers()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 3, fee: 25m);
        await JoinedAsync(integration, w, d, "x");

        var body = await ApiAssert.JsonAsync(await integration.GetAsync(
            $"api/v1/memberships/availability?cell={w.Cell}&designation={d}&level=STATE&state={w.State}"), HttpStatusCode.OK);

        Assert.Equal(1, body.GetProperty("designation").GetProperty("used").GetInt32());
        Assert.Equal(2, body.GetProperty("designation").GetProperty("remaining").GetInt32());
        // api-v1.md "Conventions": a field shown as "x or null" is always present.
        Assert.True(body.TryGetProperty("levelAggregate", out var agg), $"levelAggregate is missing: {body}");
        Assert.Equal(JsonValueKind.Null, agg.ValueKind);
        Assert.Equal(25m, body.GetProperty("fee").GetDecimal());
    }

    [Fact]
    public async Task Join_ZoneLevelWithoutZone_Is400ZoneRequired_AndInactiveCellIs409()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 3, fee: 0m);

        var noZone = await admin.PostAsJsonAsync("api/v1/memberships", new { memberRef = "z", cell = w.Cell, designation = d, level = "ZONE" });
        await ApiAssert.ProblemAsync(noZone, HttpStatusCode.BadRequest, "ZONE_REQUIRED");

        var inactive = await SetUpAsync(admin, cellActive: false);
        await ApiAssert.ProblemAsync(await JoinAsync(admin, inactive, d, "i"), HttpStatusCode.Conflict, "CELL_INACTIVE");

        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("api/v1/memberships", new { memberRef = "u", cell = "NOPE" + Suffix(), designation = d, level = "NATIONAL" }),
            HttpStatusCode.NotFound, "CELL_NOT_FOUND");
        await ApiAssert.ProblemAsync(await admin.GetAsync($"api/v1/memberships/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "MEMBERSHIP_NOT_FOUND");
    }

    [Fact]
    public async Task Reassignment_DryRunWritesNothing_AndApplyAgrees()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);
        var from = await DesignationAsync(admin, capacity: 3, fee: 0m);
        var to = await DesignationAsync(admin, capacity: 3, fee: 0m);
        await JoinedAsync(admin, w, to, "occupant");
        var id = (await JoinedAsync(admin, w, from, "mover", activate: true)).GetProperty("id").GetGuid();
        var target = new { cell = w.Cell, designation = to, level = "STATE", state = w.State };

        var preview = await PostAsync(admin, $"api/v1/memberships/{id}/reassignment?dryRun=true", target);
        var unchanged = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/memberships/{id}"), HttpStatusCode.OK);
        var applied = await PostAsync(admin, $"api/v1/memberships/{id}/reassignment?dryRun=false", target);
        var moved = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/memberships/{id}"), HttpStatusCode.OK);

        Assert.True(preview.GetProperty("accepted").GetBoolean());
        Assert.Equal(2, preview.GetProperty("seatSequence").GetInt32());
        Assert.Equal(from, unchanged.GetProperty("designation").GetString());
        foreach (var field in new[] { "accepted", "seatSequence", "fee", "paid", "deltaDue", "targetStatus", "targetPaymentStatus" })
            Assert.Equal(preview.GetProperty(field).ToString(), applied.GetProperty(field).ToString());
        Assert.Equal("ACTIVE", applied.GetProperty("targetStatus").GetString());
        Assert.Equal(to, moved.GetProperty("designation").GetString());
        Assert.Equal(2, moved.GetProperty("seatSequence").GetInt32());
    }

    [Fact]
    public async Task ChangeExpiry_AsCustomerSuccess_SetsExpiresAt()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 3, fee: 0m);
        var id = (await JoinedAsync(cs, w, d, "exp", activate: true)).GetProperty("id").GetGuid();
        var when = new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var response = await cs.PatchAsJsonAsync($"api/v1/memberships/{id}", new { expiresAt = when, reason = "extension" });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(when, body.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task LevelCapacities_UpsertListDelete_BlanketRowReportsNullUsed()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var w = await SetUpAsync(admin);

        await ApiAssert.JsonAsync(await admin.PutAsJsonAsync("api/v1/level-capacities", new { cell = w.Cell, level = "DISTRICT", capacity = 4, reason = "blanket" }), HttpStatusCode.OK);
        await ApiAssert.JsonAsync(await admin.PutAsJsonAsync("api/v1/level-capacities", new { cell = w.Cell, level = "STATE", state = w.State, capacity = 7, reason = "unit" }), HttpStatusCode.OK);
        var updated = await ApiAssert.JsonAsync(await admin.PutAsJsonAsync("api/v1/level-capacities", new { cell = w.Cell, level = "STATE", state = w.State, capacity = 8, reason = "more" }), HttpStatusCode.OK);
        Assert.Equal(8, updated.GetProperty("capacity").GetInt32());

        var page = await ApiAssert.JsonAsync(await sales.GetAsync($"api/v1/level-capacities?cell={w.Cell}"), HttpStatusCode.OK);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var blanket = items.Single(i => i.GetProperty("level").GetString() == "DISTRICT");
        Assert.Equal(JsonValueKind.Null, blanket.GetProperty("used").ValueKind);
        var unit = items.Single(i => i.GetProperty("level").GetString() == "STATE");
        Assert.Equal(w.State, unit.GetProperty("state").GetString());
        Assert.Equal(0, unit.GetProperty("used").GetInt32());

        var onlyState = await ApiAssert.JsonAsync(await sales.GetAsync($"api/v1/level-capacities?cell={w.Cell}&level=STATE"), HttpStatusCode.OK);
        Assert.Equal(1, onlyState.GetProperty("total").GetInt32());

        var deleted = await admin.DeleteAsync($"api/v1/level-capacities?cell={w.Cell}&level=STATE&state={w.State}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiAssert.ProblemAsync(await admin.DeleteAsync($"api/v1/level-capacities?cell={w.Cell}&level=STATE&state={w.State}"),
            HttpStatusCode.NotFound, "LEVEL_CAPACITY_NOT_FOUND");
        var after = await ApiAssert.JsonAsync(await sales.GetAsync($"api/v1/level-capacities?cell={w.Cell}"), HttpStatusCode.OK);
        Assert.Equal(1, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Designations_DuplicateIs409_PatchAndLevelOverrideApply()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 1, fee: 0m);

        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("api/v1/designations", new { code = d, name = "Again", defaultCapacity = 1 }), HttpStatusCode.Conflict, "DUPLICATE");
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("api/v1/cells", new { code = w.Cell, name = "Again" }), HttpStatusCode.Conflict, "DUPLICATE");

        var patched = await ApiAssert.JsonAsync(await admin.PatchAsJsonAsync($"api/v1/designations/{d}", new { fee = 10m, reason = "pricing" }), HttpStatusCode.OK);
        Assert.Equal(10m, patched.GetProperty("fee").GetDecimal());
        var level = await ApiAssert.JsonAsync(await admin.PutAsJsonAsync($"api/v1/designations/{d}/levels/STATE", new { capacity = 2, reason = "state" }), HttpStatusCode.OK);
        Assert.Equal(2, level.GetProperty("levelCapacities").GetProperty("STATE").GetInt32());
        await ApiAssert.ProblemAsync(await admin.PatchAsJsonAsync($"api/v1/designations/NOPE{Suffix()}", new { fee = 1m, reason = "x" }), HttpStatusCode.NotFound, "DESIGNATION_NOT_FOUND");

        await JoinedAsync(admin, w, d, "a");
        await JoinedAsync(admin, w, d, "b");
        await ApiAssert.ProblemAsync(await JoinAsync(admin, w, d, "c"), HttpStatusCode.Conflict, "NO_SEATS_DESIGNATION");
    }

    [Fact]
    public async Task List_FiltersByStatusAndCell_AndCompanyAdminIs403()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 5, fee: 10m);
        await JoinedAsync(admin, w, d, "p1");
        await JoinedAsync(admin, w, d, "a1", activate: true);

        var active = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/memberships?cell={w.Cell}&status=ACTIVE"), HttpStatusCode.OK);
        Assert.Equal(1, active.GetProperty("total").GetInt32());
        var item = active.GetProperty("items")[0];
        Assert.Equal("a1", item.GetProperty("memberRef").GetString());
        Assert.Equal("NOT_REQUIRED", item.GetProperty("paymentStatus").GetString());
        var all = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/memberships?cell={w.Cell}&holdsSeat=true"), HttpStatusCode.OK);
        Assert.Equal(2, all.GetProperty("total").GetInt32());

        var companyId = await app.GetCompanyIdAsync(DemoData.Acme);
        using var companyAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, companyId);
        await ApiAssert.ProblemAsync(await companyAdmin.GetAsync("api/v1/memberships"), HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task KeyRules_SalesWriteIs403_IntegrationActivateIs403_NoKeyIs401()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 5, fee: 0m);

        await ApiAssert.ProblemAsync(await sales.PostAsJsonAsync("api/v1/cells", new { code = "X" + Suffix(), name = "x" }), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await JoinAsync(sales, w, d, "s"), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await JoinAsync(integration, w, d, "i", activate: true), HttpStatusCode.Forbidden, "FORBIDDEN");
        var id = (await JoinedAsync(integration, w, d, "i")).GetProperty("id").GetGuid();
        await ApiAssert.ProblemAsync(await integration.PostAsJsonAsync($"api/v1/memberships/{id}/approve", new { }), HttpStatusCode.Forbidden, "FORBIDDEN");
        await ApiAssert.ProblemAsync(await app.Client.GetAsync("api/v1/memberships"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await ApiAssert.ProblemAsync(await app.Client.PostAsJsonAsync("api/v1/memberships", new { memberRef = "n" }), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task UtilizationReport_JsonAndCsv()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 4, fee: 0m);
        await ApiAssert.JsonAsync(await admin.PutAsJsonAsync("api/v1/level-capacities", new { cell = w.Cell, level = "STATE", state = w.State, capacity = 2, reason = "r" }), HttpStatusCode.OK);
        await JoinedAsync(admin, w, d, "r1");

        var json = await ApiAssert.JsonAsync(await sales.GetAsync("api/v1/reports/utilization?format=json"), HttpStatusCode.OK);
        var scope = json.GetProperty("designationScopes").EnumerateArray().Single(s => s.GetProperty("designation").GetString() == d);
        Assert.Equal(4, scope.GetProperty("capacity").GetInt32());
        Assert.Equal(1, scope.GetProperty("used").GetInt32());
        Assert.Equal("STATE", scope.GetProperty("level").GetString());
        var cap = json.GetProperty("levelCaps").EnumerateArray().Single(c => c.GetProperty("cell").GetString() == w.Cell);
        Assert.Equal(1, cap.GetProperty("used").GetInt32());
        Assert.Equal(50m, cap.GetProperty("utilizationPercent").GetDecimal());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("campaigns").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("bundles").ValueKind);

        var csv = await sales.GetAsync("api/v1/reports/utilization?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,id,name,cell,designation,level,unit,capacity,used,remaining,utilizationPercent", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("designation_scope,,,", StringComparison.Ordinal) && l.Contains($"{w.Cell},{d},STATE,{w.State},4,1,3,25", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("level_cap,,,", StringComparison.Ordinal) && l.Contains($"{w.Cell},,STATE,{w.State},2,1,1,50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reassign_PendingPaymentMember_BecomesPendingApprovalWithPendingPayment()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var from = await DesignationAsync(admin, capacity: 3, fee: 100m);
        var to = await DesignationAsync(admin, capacity: 3, fee: 150m);
        var joined = await JoinedAsync(integration, w, from, "pending-payer");
        Assert.Equal("PENDING_PAYMENT", joined.GetProperty("status").GetString());
        var id = joined.GetProperty("id").GetGuid();

        var outcome = await PostAsync(admin, $"api/v1/memberships/{id}/reassignment",
            new { cell = w.Cell, designation = to, level = "STATE", state = w.State });
        var after = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/memberships/{id}"), HttpStatusCode.OK);

        // product.md §4.4: the reassignment replaces the payment lock; what is still due is a PENDING payment.
        Assert.Equal(("PENDING_APPROVAL", "PENDING", 150m), (outcome.GetProperty("targetStatus").GetString(),
            outcome.GetProperty("targetPaymentStatus").GetString(), outcome.GetProperty("deltaDue").GetDecimal()));
        Assert.Equal(("PENDING_APPROVAL", "PENDING", to, true), (after.GetProperty("status").GetString(), after.GetProperty("paymentStatus").GetString(),
            after.GetProperty("designation").GetString(), after.GetProperty("holdsSeat").GetBoolean()));
    }

    [Theory]
    [InlineData("", "designation")]
    [InlineData("   ", "designation")]
    public async Task Join_WithBlankCode_Is400NamingTheField(string blank, string field)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);

        var response = await admin.PostAsJsonAsync("api/v1/memberships", new { memberRef = "m", cell = w.Cell, designation = blank, level = "STATE", state = w.State });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
