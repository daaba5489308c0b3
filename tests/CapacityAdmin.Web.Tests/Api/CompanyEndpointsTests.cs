using System.Net;
using System.Net.Http.Json;
using System.Text;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api;

public sealed class CompanyEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task CreateCompany_AsCustomerSuccess_Is201WithIdAndName()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        var name = $"Umbrella {Guid.NewGuid():N}";

        var response = await cs.PostAsJsonAsync("api/v1/companies", new { name });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal($"/api/v1/companies/{id}", response.Headers.Location?.OriginalString);
        var fetched = await ApiAssert.JsonAsync(await cs.GetAsync($"api/v1/companies/{id}"), HttpStatusCode.OK);
        Assert.Equal(name, fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CreateCompany_WithExistingName_Is409Duplicate()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);

        var response = await cs.PostAsJsonAsync("api/v1/companies", new { name = DemoData.Acme });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "DUPLICATE");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task CreateCompany_WithEmptyName_Is400ValidationFailedWithErrors(string? name)
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);

        var response = await cs.PostAsJsonAsync("api/v1/companies", new { name });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out var nameErrors), $"errors has no 'name' entry: {errors}");
        Assert.NotEqual(0, nameErrors.GetArrayLength());
    }

    [Fact]
    public async Task CreateCompany_WithMalformedJson_Is400WithCode()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);
        using var content = new StringContent("{\"name\": \"Broken", Encoding.UTF8, "application/json");

        var response = await cs.PostAsync("api/v1/companies", content);

        await ApiAssert.AnyProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListCompanies_WithKeyBoundToCompany_ListsOnlyThatCompany()
    {
        var acme = await app.GetCompanyIdAsync(DemoData.Acme);
        using var acmeAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, acme);
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);

        var bound = await ApiAssert.JsonAsync(await acmeAdmin.GetAsync("api/v1/companies"), HttpStatusCode.OK);
        var all = await ApiAssert.JsonAsync(await cs.GetAsync("api/v1/companies"), HttpStatusCode.OK);

        var item = Assert.Single(bound.GetProperty("items").EnumerateArray());
        Assert.Equal(acme, item.GetProperty("id").GetGuid());
        Assert.Equal(1, bound.GetProperty("total").GetInt32());
        Assert.True(all.GetProperty("total").GetInt32() >= 3, $"An unbound key should see every demo company: {all}");
    }

    [Fact]
    public async Task GetCompany_OfAnotherCompanyWithBoundKey_Is404CompanyNotFound()
    {
        var acme = await app.GetCompanyIdAsync(DemoData.Acme);
        var globex = await app.GetCompanyIdAsync(DemoData.Globex);
        using var acmeAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, acme);

        var own = await acmeAdmin.GetAsync($"api/v1/companies/{acme}");
        var other = await acmeAdmin.GetAsync($"api/v1/companies/{globex}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ApiAssert.ProblemAsync(other, HttpStatusCode.NotFound, "COMPANY_NOT_FOUND");
    }

    [Fact]
    public async Task ListCompanies_WithPaging_AnswersPageShape()
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var page = await ApiAssert.JsonAsync(await sales.GetAsync("api/v1/companies?page=2&pageSize=1"), HttpStatusCode.OK);

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
    }

    [Theory]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task ListCompanies_WithPagingOutOfRange_Is400ValidationFailed(string query, string field)
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var response = await sales.GetAsync($"api/v1/companies?{query}");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors has no '{field}' entry: {problem}");
    }

    [Fact]
    public async Task ListCompanies_WithMaximumPageSize_Is200()
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var page = await ApiAssert.JsonAsync(await sales.GetAsync("api/v1/companies?pageSize=500"), HttpStatusCode.OK);

        Assert.Equal(500, page.GetProperty("pageSize").GetInt32());
    }
}
