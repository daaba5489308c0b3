using System.Net;
using System.Net.Http.Json;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Api;

/// <summary>Users and jobs: Administrator only (listing jobs is open to the internal read roles).</summary>
public sealed class AdministrationEndpointsTests(CapacityAppFactory app) : IClassFixture<CapacityAppFactory>
{
    [Fact]
    public async Task CreateUser_AsAdministrator_Is201WithUser()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);
        var email = $"new.{Guid.NewGuid():N}@example.org";

        var response = await admin.PostAsJsonAsync("api/v1/users", new { email, displayName = "New Person", role = "Sales" });

        var user = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(user.GetProperty("id").GetString()));
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal(Roles.Sales, user.GetProperty("role").GetString());
    }

    [Fact]
    public async Task CreateUser_CompanyAdminForDemoCompany_Is201BoundToCompany()
    {
        var acme = await app.GetCompanyIdAsync(DemoData.Acme);
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var response = await admin.PostAsJsonAsync("api/v1/users",
            new { email = $"ca.{Guid.NewGuid():N}@acme.local", role = "CompanyAdmin", companyId = acme });

        var user = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(acme, user.GetProperty("companyId").GetGuid());
    }

    [Fact]
    public async Task CreateUser_AsCustomerSuccess_Is403Forbidden()
    {
        using var cs = await app.CreateApiClientAsync(Roles.CustomerSuccess);

        var response = await cs.PostAsJsonAsync("api/v1/users", new { email = $"cs.{Guid.NewGuid():N}@example.org", role = "Sales" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task CreateUser_WithDemoUsersEmail_Is409Duplicate()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var response = await admin.PostAsJsonAsync("api/v1/users", new { email = DemoData.Sales.Email, role = "Sales" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "DUPLICATE");
    }

    [Fact]
    public async Task ListJobs_AsAdministrator_Is200Array()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var jobs = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/jobs"), HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Array, jobs.ValueKind);
    }

    [Fact]
    public async Task ListJobs_AsCompanyAdmin_Is403Forbidden()
    {
        var acme = await app.GetCompanyIdAsync(DemoData.Acme);
        using var companyAdmin = await app.CreateApiClientAsync(Roles.CompanyAdmin, acme);

        var response = await companyAdmin.GetAsync("api/v1/jobs");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task RunJob_UnknownNameAsAdministrator_Is404JobNotFound()
    {
        using var admin = await app.CreateApiClientAsync(Roles.Administrator);

        var response = await admin.PostAsync("api/v1/jobs/nope/run", content: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "JOB_NOT_FOUND");
    }

    [Fact]
    public async Task RunJob_AsSales_Is403Forbidden()
    {
        using var sales = await app.CreateApiClientAsync(Roles.Sales);

        var response = await sales.PostAsync("api/v1/jobs/nope/run", content: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}
