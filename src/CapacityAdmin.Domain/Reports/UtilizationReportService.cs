using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Domain.Reports;

public sealed record CampaignUtilizationRow(Guid CampaignId, string Name, Guid CompanyId, decimal OverallUtilization);

public sealed record BundleUtilizationRow(Guid BundleId, string Name, Guid CompanyId, int TotalQuota, int TotalConsumed, decimal UtilizationPercent);

public sealed record DesignationScopeRow(string Cell, string Designation, string Level, string? Zone, string? State, string? District, string? Mandal,
    int Capacity, int Used, int Remaining, decimal UtilizationPercent);

public sealed record LevelCapRow(string Cell, string Level, string? Unit, bool FromBlanketRow, int Capacity, int Used, int Remaining, decimal UtilizationPercent);

/// <summary>GET /reports/utilization: campaigns, bundles, designation scopes and level caps with used / capacity.</summary>
public sealed record UtilizationReport(DateTimeOffset GeneratedAt, IReadOnlyList<CampaignUtilizationRow> Campaigns, IReadOnlyList<BundleUtilizationRow> Bundles,
    IReadOnlyList<DesignationScopeRow> DesignationScopes, IReadOnlyList<LevelCapRow> LevelCaps);

/// <summary>
/// The utilization report, as the actor may see it: company admins get their campaigns and bundles; memberships belong
/// to no company, so their sections stay empty for them.
/// </summary>
public sealed class UtilizationReportService(CapacityQueryService campaigns, BundleService bundles, MembershipReportService memberships, TimeProvider clock)
{
    public async Task<Result<UtilizationReport>> BuildAsync(Actor actor, CancellationToken ct = default)
    {
        var generatedAt = clock.GetUtcNow();
        var campaignRows = new List<CampaignUtilizationRow>();
        for (var page = 1; ; page++)
        {
            var result = await campaigns.ListCampaignStatusesAsync(actor, new CampaignStatusQuery(Page: page, PageSize: PageRequest.MaxPageSize), ct);
            if (!result.IsSuccess) return result.Error;
            campaignRows.AddRange(result.Value!.Items.Select(c => new CampaignUtilizationRow(c.CampaignId, c.Name, c.CompanyId, c.OverallUtilization)));
            if (page * PageRequest.MaxPageSize >= result.Value.Total) break;
        }
        var bundleRows = (await bundles.ListAsync(actor, null, ct))
            .Select(b => new BundleUtilizationRow(b.BundleId, b.Name, b.CompanyId, b.TotalQuota, b.TotalConsumed, b.UtilizationPercent)).ToList();

        IReadOnlyList<DesignationScopeRow> scopes = [];
        IReadOnlyList<LevelCapRow> caps = [];
        if (actor.May(Permission.ReadMemberships))
        {
            var membership = await memberships.GetUtilizationAsync(actor, ct);
            if (!membership.IsSuccess) return membership.Error;
            var r = membership.Value!;
            scopes = r.DesignationScopes.Select(s => new DesignationScopeRow(s.Cell, s.Designation, WireNames.Of(s.Level), s.Zone is { } zone ? WireNames.Of(zone) : null, s.State, s.District,
                s.Mandal, s.Capacity, s.Used, s.Remaining, s.UtilizationPercent)).ToList();
            caps = r.LevelCaps.Select(c => new LevelCapRow(c.Cell, WireNames.Of(c.Level), c.Unit, c.FromBlanketRow, c.Capacity, c.Used, c.Remaining, c.UtilizationPercent)).ToList();
        }
        return new UtilizationReport(generatedAt, campaignRows, bundleRows, scopes, caps);
    }

    public static readonly IReadOnlyList<string> CsvHeader =
        ["kind", "id", "name", "cell", "designation", "level", "unit", "capacity", "used", "remaining", "utilizationPercent"];

    /// <summary>One table: <c>kind</c> says which section a row belongs to; empty cells where a column does not apply.</summary>
    public static string ToCsv(UtilizationReport report) => CsvTable.Write(CsvHeader,
        report.Campaigns.Select(c => Row("campaign", c.CampaignId, c.Name, null, null, null, null, null, null, null,
                Math.Round(c.OverallUtilization * 100m, 2, MidpointRounding.AwayFromZero)))
            .Concat(report.Bundles.Select(b => Row("bundle", b.BundleId, b.Name, null, null, null, null, b.TotalQuota, b.TotalConsumed,
                Math.Max(0, b.TotalQuota - b.TotalConsumed), b.UtilizationPercent)))
            .Concat(report.DesignationScopes.Select(s => Row("designation_scope", null, null, s.Cell, s.Designation, s.Level,
                s.Mandal ?? s.District ?? s.State ?? s.Zone, s.Capacity, s.Used, s.Remaining, s.UtilizationPercent)))
            .Concat(report.LevelCaps.Select(c => Row("level_cap", null, null, c.Cell, null, c.Level, c.Unit, c.Capacity, c.Used, c.Remaining, c.UtilizationPercent))));

    private static IReadOnlyList<object?> Row(params object?[] values) => values;
}
