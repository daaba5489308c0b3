using System.Text.Json;

namespace CapacityAdmin.E2E.Infrastructure;

public sealed record DemoUser(string Email, string DisplayName, string Role, string? Company, string Password);

public sealed record DemoCampaign(string Name);

public sealed record DemoCompany(string Name, IReadOnlyList<DemoCampaign> Campaigns);

/// <summary>
/// The demo accounts, companies and campaigns from the repository's <c>seed-data/</c> (copied next to the
/// test binaries), which the app under test seeds into its fresh database. Expectations derive from them.
/// </summary>
public static class DemoData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private static readonly Lazy<IReadOnlyList<DemoUser>> AllUsers = new(() => Read<List<DemoUser>>("demo-users.json"));
    private static readonly Lazy<IReadOnlyList<DemoCompany>> AllCompanies = new(() => Read<List<DemoCompany>>("demo-companies.json"));

    public static IReadOnlyList<DemoUser> Users => AllUsers.Value;

    public static IReadOnlyList<DemoCompany> Companies => AllCompanies.Value;

    public static DemoUser UserWithRole(string role) =>
        Users.SingleOrDefault(u => u.Role == role) ?? throw new InvalidOperationException($"No demo user has the role {role}.");

    /// <summary>The (company, campaign) pairs a user may see: its own company's, or all for staff.</summary>
    public static IReadOnlyList<(string Company, string Campaign)> CampaignsVisibleTo(DemoUser user) =>
        Companies.Where(c => user.Company is null || c.Name == user.Company)
            .SelectMany(c => c.Campaigns.Select(k => (c.Name, k.Name)))
            .ToList();

    private static T Read<T>(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seed-data", file);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} is empty.");
    }
}
