using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Api.Campaigns;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api.Hardening;

/// <summary>The input boundary of api-v1.md "Conventions" (Input): the cases the probe of issue #12 found, one by one.</summary>
public sealed class InputBoundaryTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ValidationNamingAsync(HttpResponseMessage response, string field)
    {
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem does not name {field}: {problem}");
        Assert.DoesNotContain("System.", problem.ToString());
        Assert.DoesNotContain("CapacityAdmin.", problem.ToString());
        return problem;
    }

    [Fact]
    public async Task SetDesignationLevel_WithoutCapacity_Is400NamingCapacity_AndLeavesTheLevelAlone()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var code = "H" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await ApiAssert.JsonAsync(await admin.PostAsJsonAsync("api/v1/designations", new { code, name = "Hardening", defaultCapacity = 7 }), HttpStatusCode.Created);

        await ValidationNamingAsync(await admin.PutAsync($"api/v1/designations/{code}/levels/NATIONAL", Json("""{"reason":"r"}""")), "capacity");

        var list = await admin.GetAsync($"api/v1/designations/{code}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, list.StatusCode);
    }

    [Theory]
    [InlineData("api/v1/bundles", """{"name":"b"}""", "capacity")]
    [InlineData("api/v1/designations", """{"code":"X1","name":"n"}""", "defaultCapacity")]
    [InlineData("api/v1/campaigns", """{"name":"c","pricingModel":"seats","targetBeneficiaries":1,"committedSeats":1}""", "targetVolunteers")]
    public async Task Create_WithoutARequiredNumber_Is400NamingIt(string path, string body, string field)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        await ValidationNamingAsync(await admin.PostAsync(path, Json(body)), field);
    }

    [Theory]
    [InlineData("""{"states":[null]}""", "states[0]")]
    [InlineData("""{"districts":[null]}""", "districts[0]")]
    [InlineData("""{"mandals":[null]}""", "mandals[0]")]
    public async Task PutGeography_WithANullEntry_Is400NamingIt(string body, string field)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        await ValidationNamingAsync(await admin.PutAsync("api/v1/geography", Json(body)), field);
    }

    [Fact]
    public async Task Credits_WithADuplicateKey_Is400AndConsumesNothing()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaign = await CampaignApi.CreateCreditsCampaignAsync(admin, await CampaignApi.CreateCompanyAsync(admin));

        await ValidationNamingAsync(await admin.PostAsync($"api/v1/campaigns/{campaign}/credits", Json("""{"amount":-5,"amount":1}""")), "amount");

        var status = await CampaignApi.CapacityAsync(admin, campaign);
        Assert.Equal(0m, status.GetProperty("credits").GetProperty("consumed").GetDecimal());
    }

    [Theory]
    [InlineData("api/v1/companies", """{"name":"Acme\u0000Evil"}""", "name")]
    [InlineData("api/v1/companies", """{"name":"Tab\tName"}""", "name")]
    public async Task Create_WithAControlCharacterInAName_Is400(string path, string body, string field)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        await ValidationNamingAsync(await admin.PostAsync(path, Json(body)), field);
    }

    [Fact]
    public async Task Enroll_WithNulInTheVolunteerId_Is400()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var campaign = await CampaignApi.CreateSeatsCampaignAsync(admin, await CampaignApi.CreateCompanyAsync(admin));

        await ValidationNamingAsync(await admin.PostAsync($"api/v1/campaigns/{campaign}/volunteers", Json("""{"volunteerId":"v\u00001"}""")), "volunteerId");
        await ValidationNamingAsync(await admin.GetAsync($"api/v1/campaigns/{campaign}/volunteers/v%011"), "path");
    }

    [Fact]
    public async Task CreateUser_WithAnOverLongEmail_Is400()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var email = new string('a', 10_000) + "@example.org";

        var response = await admin.PostAsJsonAsync("api/v1/users", new { email, role = "Sales" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Post_WithWrongContentType_Is415Problem_AndWrongVerbIs405Problem()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        await ApiAssert.ProblemAsync(await admin.PostAsync("api/v1/companies", new StringContent("""{"name":"x"}""", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        var wrongVerb = await admin.DeleteAsync("api/v1/companies");
        await ApiAssert.ProblemAsync(wrongVerb, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Contains("POST", wrongVerb.Content.Headers.Allow.Concat(wrongVerb.Headers.Select(h => h.Key == "Allow" ? string.Join(",", h.Value) : "")));
        // Unknown addresses stay 404 with a key and 401 without one.
        await ApiAssert.ProblemAsync(await admin.GetAsync("api/v1/nothing-here"), HttpStatusCode.NotFound, "NOT_FOUND");
        await ApiAssert.ProblemAsync(await app.Client.DeleteAsync("api/v1/companies"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Get_WithAnOverLongQuery_Is414Problem()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var response = await admin.GetAsync("api/v1/campaigns?search=" + new string('a', 9000));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestUriTooLong, "QUERY_TOO_LONG");
    }

    [Theory]
    [InlineData("api/v1/campaigns?page=2147483647")]
    [InlineData("api/v1/companies?page=2147483647&pageSize=500")]
    [InlineData("api/v1/alerts?page=2147483647")]
    public async Task List_PageFarBeyondTheEnd_IsEmpty(string path)
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var page = await ApiAssert.JsonAsync(await admin.GetAsync(path), HttpStatusCode.OK);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task Post_WithAWrongType_NamesTheFieldAndItsValues_WithoutTypeNames()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var problem = await ValidationNamingAsync(await admin.PostAsync("api/v1/campaigns", Json("""{"pricingModel":"gold"}""")), "pricingModel");

        Assert.Contains("seats", problem.GetProperty("detail").GetString());
    }
}
