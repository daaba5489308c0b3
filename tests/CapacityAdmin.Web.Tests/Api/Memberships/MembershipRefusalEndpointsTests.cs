using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Memberships.MembershipApi;

namespace CapacityAdmin.Web.Tests.Api.Memberships;

/// <summary>The refusal codes of the membership API that the main endpoint tests leave out (api-v1.md "Errors", "Membership seats").</summary>
public sealed class MembershipRefusalEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Theory]
    [InlineData("STATE", "STATE_REQUIRED", "state")]
    [InlineData("DISTRICT", "DISTRICT_REQUIRED", "district")]
    [InlineData("MANDAL", "MANDAL_REQUIRED", "mandal")]
    public async Task Join_AtALevelWithoutItsUnit_Is400WithTheLevelsCode(string level, string code, string field)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 3, fee: 0m);
        // Every unit coarser than the level is given; only the level's own unit is missing.
        var state = level is "DISTRICT" or "MANDAL" ? w.State : null;
        var district = level == "MANDAL" ? w.District : null;

        var response = await integration.PostAsJsonAsync("api/v1/memberships", new { memberRef = "no-unit", cell = w.Cell, designation = d, level, state, district });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await AvailabilityAsync(integration, w, d)).GetProperty("designation").GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task Join_WithAnUnknownStateCode_Is404UnitNotFound()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 3, fee: 0m);

        await ApiAssert.ProblemAsync(await JoinAsync(admin, w with { State = "NOSTATE" + Suffix() }, d, "lost"), HttpStatusCode.NotFound, "UNIT_NOT_FOUND");
        await ApiAssert.ProblemAsync(await admin.GetAsync($"api/v1/memberships/availability?cell={w.Cell}&designation={d}&level=STATE&state=NOSTATE{Suffix()}"),
            HttpStatusCode.NotFound, "UNIT_NOT_FOUND");
    }

    [Fact]
    public async Task UnknownCellDesignationOrMembership_Are404WithTheirCodes()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 3, fee: 0m);

        await ApiAssert.ProblemAsync(await JoinAsync(integration, w with { Cell = "NOCELL" + Suffix() }, d, "m"), HttpStatusCode.NotFound, "CELL_NOT_FOUND");
        await ApiAssert.ProblemAsync(await JoinAsync(integration, w, "NODESIG" + Suffix(), "m"), HttpStatusCode.NotFound, "DESIGNATION_NOT_FOUND");
        await ApiAssert.ProblemAsync(await integration.GetAsync($"api/v1/memberships/availability?cell={w.Cell}&designation=NODESIG{Suffix()}&level=STATE&state={w.State}"),
            HttpStatusCode.NotFound, "DESIGNATION_NOT_FOUND");
        await ApiAssert.ProblemAsync(await admin.PutAsJsonAsync($"api/v1/designations/NODESIG{Suffix()}/levels/STATE", new { capacity = 1, reason = "r" }),
            HttpStatusCode.NotFound, "DESIGNATION_NOT_FOUND");

        var missing = Guid.NewGuid();
        await ApiAssert.ProblemAsync(await integration.GetAsync($"api/v1/memberships/{missing}"), HttpStatusCode.NotFound, "MEMBERSHIP_NOT_FOUND");
        await ApiAssert.ProblemAsync(await integration.PostAsJsonAsync($"api/v1/memberships/{missing}/payment", new { outcome = "success" }),
            HttpStatusCode.NotFound, "MEMBERSHIP_NOT_FOUND");
        foreach (var action in new[] { "approve", "revoke", "reactivate" })
            await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"api/v1/memberships/{missing}/{action}", new { reason = "x" }), HttpStatusCode.NotFound, "MEMBERSHIP_NOT_FOUND");
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"api/v1/memberships/{missing}/reassignment?dryRun=true",
            new { cell = w.Cell, designation = d, level = "STATE", state = w.State }), HttpStatusCode.NotFound, "MEMBERSHIP_NOT_FOUND");
    }

    [Fact]
    public async Task GeographyUpsert_DistrictOfAnUnknownState_Is400AndWritesNothing()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var s = Suffix();

        var response = await admin.PutAsJsonAsync("api/v1/geography", new
        {
            states = new[] { new { code = "OK" + s, name = "Fine state", zone = "NORTH" } },
            districts = new[] { new { code = "ORPHAN" + s, name = "Orphan", stateCode = "NOSTATE" + s } },
        });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("districts[0].stateCode", out _), problem.ToString());
        // Nothing was saved: a join in the state that came with the refused request does not find it.
        using var cellAndDesignation = await app.CreateApiClientAsync(Roles.Administrator);
        var w = await SetUpAsync(cellAndDesignation);
        var d = await DesignationAsync(admin, capacity: 1, fee: 0m);
        await ApiAssert.ProblemAsync(await JoinAsync(admin, w with { State = "OK" + s }, d, "m"), HttpStatusCode.NotFound, "UNIT_NOT_FOUND");

        var badZone = await admin.PutAsJsonAsync("api/v1/geography", new { states = new[] { new { code = "Z" + s, name = "Zoneless", zone = "NOWHERE" } } });
        var zoneProblem = await ApiAssert.ProblemAsync(badZone, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(zoneProblem.GetProperty("errors").TryGetProperty("states[0].zone", out _), zoneProblem.ToString());
    }

    [Fact]
    public async Task Reactivate_WhenTheDesignationIsFull_Is409NoSeatsDesignation()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var w = await SetUpAsync(admin);
        var d = await DesignationAsync(admin, capacity: 1, fee: 0m);
        var first = (await JoinedAsync(cs, w, d, "first", activate: true)).GetProperty("id").GetGuid();
        await ApiAssert.JsonAsync(await cs.PostAsJsonAsync($"api/v1/memberships/{first}/revoke", new { reason = "left" }), HttpStatusCode.OK);
        await JoinedAsync(cs, w, d, "second", activate: true);

        await ApiAssert.ProblemAsync(await cs.PostAsJsonAsync($"api/v1/memberships/{first}/reactivate", new { reason = "back" }), HttpStatusCode.Conflict, "NO_SEATS_DESIGNATION");

        var after = await GetAsync(cs, $"api/v1/memberships/{first}");
        Assert.Equal("REVOKED", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("holdsSeat").GetBoolean());
    }
}
