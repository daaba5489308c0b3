using System.Text.Json;
using System.Text.Json.Serialization;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CapacityAdmin.Domain.Seeding;

/// <summary>
/// Creates the roles (always) and, in Development only, the demo companies, campaigns and one user
/// per role from <c>seed-data/</c>. Idempotent: what exists by name or email is left as it is.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<CapacityDbContext> contexts,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    EnrollmentService enrollments,
    CreditService credits,
    ILogger<DemoDataSeeder> logger)
{
    public const string CompaniesFile = "demo-companies.json";
    public const string UsersFile = "demo-users.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.UserRoles)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <param name="withUsage">Also enroll the demo volunteers and learners and consume the demo credits of newly
    /// created campaigns, through the real services (so limits and alerts apply as in production).</param>
    public async Task SeedDemoAsync(string seedDirectory, bool withUsage = false, CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        var companies = Read<List<SeedCompany>>(seedDirectory, CompaniesFile) ?? [];
        var newCampaigns = new List<(Guid Id, SeedCampaign Seed)>();
        var created = await SeedCompaniesAsync(companies, newCampaigns, ct);
        var demoUsers = Read<List<SeedUser>>(seedDirectory, UsersFile) ?? [];
        var usersCreated = await SeedUsersAsync(demoUsers, ct);
        // After the users, so the alerts this usage raises find their company admins.
        if (withUsage) await SeedUsageAsync(newCampaigns, ct);
        logger.LogInformation("Demo data: {Companies} companies and campaigns created, {Users} users created", created, usersCreated);
    }

    private async Task<int> SeedCompaniesAsync(IEnumerable<SeedCompany> seed, List<(Guid Id, SeedCampaign Seed)> newCampaigns, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var created = 0;
        foreach (var item in seed)
        {
            var company = await db.Companies.FirstOrDefaultAsync(c => c.Name == item.Name, ct);
            if (company is null)
            {
                company = new Company(item.Name, clock.GetUtcNow());
                db.Companies.Add(company);
                created++;
            }
            foreach (var c in item.Campaigns ?? [])
            {
                var companyId = company.Id;
                if (await db.Campaigns.AnyAsync(x => x.CompanyId == companyId && x.Name == c.Name, ct)) continue;
                var campaign = new Campaign(company.Id, c.Name, c.PricingModel, c.Status ?? CampaignStatus.Active,
                    c.TargetVolunteers, c.TargetBeneficiaries, clock.GetUtcNow());
                campaign.SetModelLimits(c.CommittedSeats, c.CreditAllocation, c.LearnersCommitted);
                db.Campaigns.Add(campaign);
                newCampaigns.Add((campaign.Id, c));
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    private async Task SeedUsageAsync(IEnumerable<(Guid Id, SeedCampaign Seed)> campaigns, CancellationToken ct)
    {
        var actor = new Actor("demo-seed", Roles.CustomerSuccess, null);
        foreach (var (id, seed) in campaigns)
        {
            for (var i = 1; i <= (seed.DemoVolunteers ?? 0); i++)
                await enrollments.EnrollVolunteerAsync(actor, id, $"demo-volunteer-{i:000}", ct);
            for (var i = 1; i <= (seed.DemoLearners ?? 0); i++)
                await enrollments.EnrollLearnerAsync(actor, id, $"demo-learner-{i:000}", ct);
            if (seed.DemoCredits is > 0m)
                await credits.ConsumeAsync(actor, id, new CreditConsumption(seed.DemoCredits.Value, "demo activity", $"demo-{id:N}"), ct);
        }
    }

    private async Task<int> SeedUsersAsync(IEnumerable<SeedUser> seed, CancellationToken ct)
    {
        var created = 0;
        foreach (var item in seed)
        {
            if (await users.FindByEmailAsync(item.Email) is not null) continue;
            Guid? companyId = null;
            if (item.Company is not null)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                companyId = await db.Companies.Where(c => c.Name == item.Company).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
                    ?? throw new InvalidOperationException($"Demo user {item.Email} names unknown company '{item.Company}'.");
            }
            var user = new ApplicationUser
            {
                UserName = item.Email, Email = item.Email, EmailConfirmed = true, DisplayName = item.DisplayName,
                CompanyId = companyId, CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, item.Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo user {item.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, item.Role);
            created++;
        }
        return created;
    }

    private static T? Read<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"Seed file {path} is missing.", path);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
    }

    private sealed record SeedCompany(string Name, List<SeedCampaign>? Campaigns);

    private sealed record SeedCampaign(string Name, PricingModel PricingModel, CampaignStatus? Status, int TargetVolunteers,
        int TargetBeneficiaries, int? CommittedSeats, decimal? CreditAllocation, int? LearnersCommitted,
        int? DemoVolunteers, int? DemoLearners, decimal? DemoCredits);

    private sealed record SeedUser(string Email, string DisplayName, string Role, string? Company, string Password);
}
