using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Alerts.AlertApi;

namespace CapacityAdmin.Web.Tests.Api.Alerts;

/// <summary>GET /alerts, /alerts/{id}, /campaigns/{id}/alerts, acknowledge, snooze and upsell with the key rules and tenancy.</summary>
public sealed class AlertEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    /// <summary>A fresh company with a campaign at 80 % (info, sales only) and one at 90 % (warning, company admins).</summary>
    private async Task<(Guid CompanyId, JsonElement Info, JsonElement Warning)> CompanyWithAlertsAsync(HttpClient cs)
    {
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var (_, infoAlerts) = await CampaignAtAsync(cs, companyId, seats: 10, enrolled: 8);
        var (_, warningAlerts) = await CampaignAtAsync(cs, companyId, seats: 10, enrolled: 9);
        var info = Assert.Single(infoAlerts);
        var warning = warningAlerts.Single(a => Str(a, "threshold") == "90%");
        return (companyId, info, warning);
    }

    [Fact]
    public async Task ListAlerts_Filters_ByBandSeverityCompanyAndStatus()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var (companyId, info, warning) = await CompanyWithAlertsAsync(cs);

        var all = await ListAsync(sales, $"companyId={companyId}");
        var eighty = await ListAsync(sales, $"companyId={companyId}&band=80%25");
        var warnings = await ListAsync(sales, $"companyId={companyId}&severity=warning");
        await ApiAssert.JsonAsync(await cs.PostAsJsonAsync($"api/v1/alerts/{Id(warning)}/acknowledge", new { reason = "called them" }), HttpStatusCode.OK);
        var acknowledged = await ListAsync(sales, $"companyId={companyId}&status=acknowledged");
        var fresh = await ListAsync(sales, $"companyId={companyId}&status=new");

        // Newest first: the 90 % campaign was filled second; its 80 % alert came before.
        Assert.Equal(Id(warning), Id(all[0]));
        Assert.Contains(Id(info), all.Select(Id));
        Assert.All(all, a => Assert.Equal(companyId, a.GetProperty("companyId").GetGuid()));
        Assert.All(eighty, a => Assert.Equal("80%", Str(a, "threshold")));
        Assert.Equal(2, eighty.Count); // both campaigns crossed 80 %
        Assert.Equal([Id(warning)], warnings.Select(Id));
        Assert.Equal([Id(warning)], acknowledged.Select(Id));
        Assert.Equal("acknowledged", Str(acknowledged[0], "status"));
        Assert.DoesNotContain(Id(warning), fresh.Select(Id));
        var page = await ApiAssert.JsonAsync(await sales.GetAsync($"api/v1/alerts?companyId={companyId}&pageSize=1&page=2"), HttpStatusCode.OK);
        Assert.Equal((2, 1, all.Count), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32()));
        Assert.Equal(Id(all[1]), Id(page.GetProperty("items")[0]));
    }

    [Theory]
    [InlineData("band=85%25", "band")]
    [InlineData("severity=fatal", "severity")]
    [InlineData("status=closed", "status")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task ListAlerts_BadFilter_Answers400(string query, string field)
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var problem = await ApiAssert.ProblemAsync(await sales.GetAsync($"api/v1/alerts?{query}"), HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Alerts_CompanyAdminKey_SeesItsCompanysAlertsOnly()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var (companyId, info, warning) = await CompanyWithAlertsAsync(cs);
        var (otherCompanyId, _, otherWarning) = await CompanyWithAlertsAsync(cs);
        using var companyAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, companyId);

        var visible = await ListAsync(companyAdmin, "pageSize=500");
        var filteredToOther = await ListAsync(companyAdmin, $"companyId={otherCompanyId}");
        var own = await companyAdmin.GetAsync($"api/v1/alerts/{Id(warning)}");
        var others = await companyAdmin.GetAsync($"api/v1/alerts/{Id(otherWarning)}");
        var salesOnly = await companyAdmin.GetAsync($"api/v1/alerts/{Id(info)}");
        var otherCampaign = await companyAdmin.GetAsync($"api/v1/campaigns/{otherWarning.GetProperty("poolId").GetGuid()}/alerts");

        Assert.Equal([Id(warning)], visible.Select(Id));
        Assert.Empty(filteredToOther);
        await ApiAssert.JsonAsync(own, HttpStatusCode.OK);
        await ApiAssert.ProblemAsync(others, HttpStatusCode.NotFound, "ALERT_NOT_FOUND");
        await ApiAssert.ProblemAsync(salesOnly, HttpStatusCode.NotFound, "ALERT_NOT_FOUND"); // upsell opportunities are for Sales
        await ApiAssert.ProblemAsync(otherCampaign, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        using var integration = await app.CreateApiClientAsync(Roles.Integration);
        await ApiAssert.ProblemAsync(await integration.GetAsync("api/v1/alerts"), HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Acknowledge_ByCustomerSuccess_IsRecorded_SalesIsForbidden()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var (_, _, warning) = await CompanyWithAlertsAsync(cs);

        var bySales = await sales.PostAsJsonAsync($"api/v1/alerts/{Id(warning)}/acknowledge", new { reason = "mine" });
        var byCs = await cs.PostAsync($"api/v1/alerts/{Id(warning)}/acknowledge", content: null); // the reason is optional

        await ApiAssert.AnyProblemAsync(bySales, HttpStatusCode.Forbidden);
        var acknowledged = await ApiAssert.JsonAsync(byCs, HttpStatusCode.OK);
        Assert.Equal("acknowledged", Str(acknowledged, "status"));
        Assert.NotNull(Str(acknowledged, "acknowledgedAt"));
        Assert.False(string.IsNullOrEmpty(Str(acknowledged, "acknowledgedBy")));
        await ApiAssert.ProblemAsync(await cs.PostAsync($"api/v1/alerts/{Guid.NewGuid()}/acknowledge", content: null), HttpStatusCode.NotFound, "ALERT_NOT_FOUND");
        var badJson = new StringContent("{\"reason\":", System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ProblemAsync(await cs.PostAsync($"api/v1/alerts/{Id(warning)}/acknowledge", badJson), HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Snooze_NeedsUntilAndReason_ThenHoldsTheAlert()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var (_, _, warning) = await CompanyWithAlertsAsync(cs);
        var until = DateTimeOffset.UtcNow.AddDays(2);

        var missing = await cs.PostAsJsonAsync($"api/v1/alerts/{Id(warning)}/snooze", new { });
        var past = await cs.PostAsJsonAsync($"api/v1/alerts/{Id(warning)}/snooze", new { until = DateTimeOffset.UtcNow.AddHours(-1), reason = "x" });
        var bySales = await sales.PostAsJsonAsync($"api/v1/alerts/{Id(warning)}/snooze", new { until, reason = "x" });
        var snoozed = await cs.PostAsJsonAsync($"api/v1/alerts/{Id(warning)}/snooze", new { until, reason = "renewal talks until Friday" });

        var problem = await ApiAssert.ProblemAsync(missing, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("until", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        await ApiAssert.ProblemAsync(past, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await ApiAssert.AnyProblemAsync(bySales, HttpStatusCode.Forbidden);
        var body = await ApiAssert.JsonAsync(snoozed, HttpStatusCode.OK);
        Assert.Equal("snoozed", Str(body, "status"));
        Assert.Equal(until.ToUnixTimeSeconds(), body.GetProperty("snoozedUntil").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Upsell_SalesMovesIt_CompanyAdminIsForbidden_IllegalMoveIsInvalidTransition()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var (companyId, info, warning) = await CompanyWithAlertsAsync(cs);
        using var companyAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, companyId);

        var byCompanyAdmin = await PatchUpsellAsync(companyAdmin, Id(info), new { status = "contacted" });
        var contacted = await PatchUpsellAsync(sales, Id(info), new { status = "contacted", owner = "Sam", notes = "call booked" });
        var backwards = await PatchUpsellAsync(sales, Id(info), new { status = "new" });
        var notUpsell = await PatchUpsellAsync(sales, Id(warning), new { status = "contacted" });
        var unknown = await PatchUpsellAsync(sales, Id(info), new { status = "maybe" });
        var won = await PatchUpsellAsync(cs, Id(info), new { status = "won", notes = "" });

        await ApiAssert.AnyProblemAsync(byCompanyAdmin, HttpStatusCode.Forbidden);
        var body = await ApiAssert.JsonAsync(contacted, HttpStatusCode.OK);
        Assert.Equal(("contacted", "Sam", "call booked"), (Str(body, "upsellStatus"), Str(body, "upsellOwner"), Str(body, "upsellNotes")));
        await ApiAssert.ProblemAsync(backwards, HttpStatusCode.Conflict, "INVALID_TRANSITION");
        await ApiAssert.ProblemAsync(notUpsell, HttpStatusCode.Conflict, "INVALID_TRANSITION");
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var final = await ApiAssert.JsonAsync(won, HttpStatusCode.OK);
        Assert.Equal(("won", "Sam", null), (Str(final, "upsellStatus"), Str(final, "upsellOwner"), Str(final, "upsellNotes")));
    }

    [Fact]
    public async Task CapacityRequest_ByCompanyAdmin_LandsInTheUpsellListAndItsCsv()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var sales = await app.CreateApiClientAsync(Roles.Sales);
        var companyId = await CampaignApi.CreateCompanyAsync(cs);
        var otherCompanyId = await CampaignApi.CreateCompanyAsync(cs);
        var (campaignId, _) = await CampaignAtAsync(cs, companyId, seats: 10, enrolled: 5);
        var (otherCampaignId, _) = await CampaignAtAsync(cs, otherCompanyId, seats: 10, enrolled: 1);
        using var companyAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, companyId);

        var response = await companyAdmin.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity-requests", new { note = "we need 20 more, \"urgent\"" });
        var forOther = await companyAdmin.PostAsJsonAsync($"api/v1/campaigns/{otherCampaignId}/capacity-requests", new { note = "x" });
        var bySales = await sales.PostAsJsonAsync($"api/v1/campaigns/{campaignId}/capacity-requests", new { });

        var request = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/alerts/{Id(request)}", response.Headers.Location?.OriginalString);
        Assert.Equal(("capacity_request", "capacity_request", "info"), (Str(request, "kind"), Str(request, "action"), Str(request, "severity")));
        Assert.Null(Str(request, "upsellStatus")); // the sales fields are not shown to a company admin
        Assert.Equal("new", Str(await GetAlertAsync(sales, Id(request)), "upsellStatus"));
        Assert.Null(Str(request, "threshold"));
        Assert.Equal(["sales"], Strings(request, "recipients"));
        Assert.Equal(50.00m, request.GetProperty("utilizationPercent").GetDecimal());
        await ApiAssert.ProblemAsync(forOther, HttpStatusCode.NotFound, "CAMPAIGN_NOT_FOUND");
        await ApiAssert.AnyProblemAsync(bySales, HttpStatusCode.Forbidden);

        var upsell = await ApiAssert.JsonAsync(await sales.GetAsync($"api/v1/upsell?companyId={companyId}"), HttpStatusCode.OK);
        var item = Assert.Single(upsell.GetProperty("items").EnumerateArray());
        Assert.Equal(Id(request), item.GetProperty("alertId").GetGuid());
        Assert.Equal(("capacity_request", "new", campaignId), (Str(item, "kind"), Str(item, "status"), item.GetProperty("campaignId").GetGuid()));
        await ApiAssert.AnyProblemAsync(await companyAdmin.GetAsync("api/v1/upsell"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await sales.GetAsync("api/v1/upsell?status=open"), HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        var csv = await sales.GetAsync($"api/v1/upsell.csv?companyId={companyId}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', UpsellCsv.Header), lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith($"{Id(request)},capacity_request,{companyId},", row);
        Assert.Contains($",{campaignId},50.00,", row);
        Assert.Contains("\"\"urgent\"\"", row); // the note's quotes are escaped (RFC 4180)
        await ApiAssert.AnyProblemAsync(await companyAdmin.GetAsync("api/v1/upsell.csv"), HttpStatusCode.Forbidden);
    }
}
