using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Email;
using CapacityAdmin.Web.Tests.Infrastructure;
using static CapacityAdmin.Web.Tests.Api.Alerts.AlertApi;

namespace CapacityAdmin.Web.Tests.Api.Alerts;

/// <summary>GET / PUT /settings/alert-bands and POST /settings/email/test (Administrator). Owns its host: it changes the bands.</summary>
public sealed class AlertSettingsEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static object Band(string threshold, decimal min, string severity, string[] recipients, string action, string window) =>
        new { threshold, minUtilizationPercent = min, severity, recipients, action, repeatWindow = window };

    [Fact]
    public async Task AlertBands_Get_ShowsTheSeededTable()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var bands = (await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/settings/alert-bands"), HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal(["80%", "90%", "100%", "110%"], bands.Select(b => Str(b, "threshold")));
        var eighty = bands[0];
        Assert.Equal(80m, eighty.GetProperty("minUtilizationPercent").GetDecimal());
        Assert.Equal(("info", "upsell_opportunity", "24:00:00"), (Str(eighty, "severity"), Str(eighty, "action"), Str(eighty, "repeatWindow")));
        Assert.Equal(["sales"], Strings(eighty, "recipients"));
        Assert.Equal(["company_admin", "cs"], Strings(bands[3], "recipients"));
        Assert.Equal(("critical", "01:00:00"), (Str(bands[3], "severity"), Str(bands[3], "repeatWindow")));
    }

    [Fact]
    public async Task AlertBands_Put_RoundTrips_AndBandsLeftOutKeepTheirValues()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var original = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/settings/alert-bands"), HttpStatusCode.OK);
        try
        {
            var put = await admin.PutAsJsonAsync("api/v1/settings/alert-bands", new[]
            {
                Band("90%", 92.5m, "error", ["company_admin", "sales"], "recommend_expansion", "36:00:00"),
            });

            var saved = (await ApiAssert.JsonAsync(put, HttpStatusCode.OK)).EnumerateArray().ToList();
            var read = (await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/settings/alert-bands"), HttpStatusCode.OK)).EnumerateArray().ToList();
            foreach (var bands in new[] { saved, read })
            {
                var ninety = bands.Single(b => Str(b, "threshold") == "90%");
                Assert.Equal(92.5m, ninety.GetProperty("minUtilizationPercent").GetDecimal());
                Assert.Equal(("error", "36:00:00"), (Str(ninety, "severity"), Str(ninety, "repeatWindow")));
                Assert.Equal(["sales", "company_admin"], Strings(ninety, "recipients"));
                Assert.Equal("24:00:00", Str(bands.Single(b => Str(b, "threshold") == "80%"), "repeatWindow"));
            }
        }
        finally
        {
            var restore = original.EnumerateArray().Select(b => Band(Str(b, "threshold")!, b.GetProperty("minUtilizationPercent").GetDecimal(),
                Str(b, "severity")!, Strings(b, "recipients"), Str(b, "action")!, Str(b, "repeatWindow")!)).ToArray();
            await ApiAssert.JsonAsync(await admin.PutAsJsonAsync("api/v1/settings/alert-bands", restore), HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("repeatWindow", "90%", 90, "warning", "company_admin", "recommend_expansion", "tomorrow")]
    [InlineData("repeatWindow", "90%", 90, "warning", "company_admin", "recommend_expansion", "00:00:30")]
    [InlineData("severity", "90%", 90, "fatal", "company_admin", "recommend_expansion", "12:00:00")]
    [InlineData("recipients", "90%", 90, "warning", "board", "recommend_expansion", "12:00:00")]
    [InlineData("action", "90%", 90, "warning", "company_admin", "capacity_request", "12:00:00")]
    [InlineData("threshold", "95%", 95, "warning", "company_admin", "recommend_expansion", "12:00:00")]
    [InlineData("minUtilizationPercent", "110%", 120, "critical", "cs", "block_enrollments", "01:00:00")]
    public async Task AlertBands_PutInvalid_Answers400NamingTheField(string field, string threshold, decimal min, string severity, string recipient,
        string action, string window)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var response = await admin.PutAsJsonAsync("api/v1/settings/alert-bands", new[] { Band(threshold, min, severity, [recipient], action, window) });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains($"[0].{field}", fields);
        var unchanged = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/settings/alert-bands"), HttpStatusCode.OK);
        Assert.Equal("12:00:00", Str(unchanged.EnumerateArray().Single(b => Str(b, "threshold") == "90%"), "repeatWindow"));
    }

    [Fact]
    public async Task AlertBands_PutBandsOutOfOrder_Answers400()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var response = await admin.PutAsJsonAsync("api/v1/settings/alert-bands", new[]
        {
            Band("80%", 95m, "info", ["sales"], "upsell_opportunity", "24:00:00"),
        });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Theory]
    [InlineData(Roles.CustomerSuccess)]
    [InlineData(Roles.Sales)]
    public async Task AlertBands_NonAdministrator_IsForbidden(string role)
    {
        using var client = await app.CreateApiClientAsync(role);

        await ApiAssert.AnyProblemAsync(await client.GetAsync("api/v1/settings/alert-bands"), HttpStatusCode.Forbidden);
        await ApiAssert.AnyProblemAsync(await client.PutAsJsonAsync("api/v1/settings/alert-bands", Array.Empty<object>()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EmailTest_ByAdministrator_WritesAMessageToThePickupFolder()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var to = $"ops-{Guid.NewGuid():N}@example.test";

        var response = await admin.PostAsJsonAsync("api/v1/settings/email/test", new { to });
        var invalid = await admin.PostAsJsonAsync("api/v1/settings/email/test", new { to = "not an address" });
        var byCs = await cs.PostAsJsonAsync("api/v1/settings/email/test", new { to });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(("Pickup", to), (Str(body, "provider"), Str(body, "to")));
        var folder = Path.Combine(app.DataDirectory, "mail");
        string? file = null;
        await Poll.UntilAsync(() => (file = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml").FirstOrDefault(f => File.ReadAllText(f).Contains(to, StringComparison.Ordinal))
            : null) is not null, $"a test message to {to} in {folder}");
        Assert.Equal("[TEST] CapacityAdmin email delivery", (await EmlMessage.LoadAsync(file!)).Subject);
        await ApiAssert.ProblemAsync(invalid, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await ApiAssert.AnyProblemAsync(byCs, HttpStatusCode.Forbidden);
    }
}
