using System.Runtime.CompilerServices;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

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
public sealed class UtilizationReportService(BundleService bundles, MembershipReportService memberships, TimeProvider clock,
    IDbContextFactory<CapacityDbContext> contexts)
{
    /// <summary>Rows per keyset page of the streamed CSV.</summary>
    internal const int CsvPageSize = 500;

    public async Task<Result<UtilizationReport>> BuildAsync(Actor actor, CancellationToken ct = default)
    {
        var generatedAt = clock.GetUtcNow();
        var campaignRows = new List<CampaignUtilizationRow>();
        await foreach (var row in CampaignRowsAsync(actor, ct)) campaignRows.Add(row);
        var bundleRows = new List<BundleUtilizationRow>();
        await foreach (var row in BundleRowsAsync(actor, ct)) bundleRows.Add(row);

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
        report.Campaigns.Select(CsvRow).Concat(report.Bundles.Select(CsvRow)).Concat(report.DesignationScopes.Select(CsvRow)).Concat(report.LevelCaps.Select(CsvRow)));

    /// <summary>
    /// The rows of <see cref="ToCsv"/>, in the same order, read as they are written: campaigns and bundles in keyset pages of
    /// <see cref="CsvPageSize"/> (by name, then id; a context per page, so no connection is held while a slow client reads),
    /// then the membership sections, whose size is bounded by the catalog (cells x designations x units), not by the data.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> CsvRowsAsync(Actor actor, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in CampaignRowsAsync(actor, ct)) yield return CsvRow(row);
        await foreach (var row in BundleRowsAsync(actor, ct)) yield return CsvRow(row);

        if (!actor.May(Permission.ReadMemberships)) yield break;
        var membership = await memberships.GetUtilizationAsync(actor, ct);
        if (!membership.IsSuccess) throw new InvalidOperationException($"The membership report failed: {membership.Error.Detail}");
        foreach (var s in membership.Value!.DesignationScopes)
            yield return CsvRow(new DesignationScopeRow(s.Cell, s.Designation, s.Level.ToString(), s.Zone?.ToString(), s.State, s.District, s.Mandal,
                s.Capacity, s.Used, s.Remaining, s.UtilizationPercent));
        foreach (var c in membership.Value.LevelCaps)
            yield return CsvRow(new LevelCapRow(c.Cell, c.Level.ToString(), c.Unit, c.FromBlanketRow, c.Capacity, c.Used, c.Remaining, c.UtilizationPercent));
    }

    /// <summary>The campaigns the actor may see, by name then id, in keyset pages (a context per page).</summary>
    private async IAsyncEnumerable<CampaignUtilizationRow> CampaignRowsAsync(Actor actor, [EnumeratorCancellation] CancellationToken ct)
    {
        (string Name, Guid Id)? after = null;
        while (true)
        {
            List<Campaign> page;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var query = db.Campaigns.AsNoTracking();
                if (actor.CompanyId is { } own) query = query.Where(c => c.CompanyId == own);
                if (after is { } a) query = query.Where(c => string.Compare(c.Name, a.Name) > 0 || (c.Name == a.Name && c.Id.CompareTo(a.Id) > 0));
                page = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(CsvPageSize).ToListAsync(ct);
            }
            foreach (var c in page) yield return new CampaignUtilizationRow(c.Id, c.Name, c.CompanyId, CapacityStatus.From(c).OverallUtilization);
            if (page.Count < CsvPageSize) yield break;
            after = (page[^1].Name, page[^1].Id);
        }
    }

    /// <summary>The bundles the actor may see, by name then id, in keyset pages.</summary>
    private async IAsyncEnumerable<BundleUtilizationRow> BundleRowsAsync(Actor actor, [EnumeratorCancellation] CancellationToken ct)
    {
        (string Name, Guid Id)? after = null;
        while (true)
        {
            var page = await bundles.ListPageAfterAsync(actor, after, CsvPageSize, ct);
            foreach (var b in page) yield return new BundleUtilizationRow(b.BundleId, b.Name, b.CompanyId, b.TotalQuota, b.TotalConsumed, b.UtilizationPercent);
            if (page.Count < CsvPageSize) yield break;
            after = (page[^1].Name, page[^1].BundleId);
        }
    }

    private static IReadOnlyList<object?> CsvRow(CampaignUtilizationRow c) => Row("campaign", c.CampaignId, c.Name, null, null, null, null, null, null, null,
        Math.Round(c.OverallUtilization * 100m, 2, MidpointRounding.AwayFromZero));

    private static IReadOnlyList<object?> CsvRow(BundleUtilizationRow b) => Row("bundle", b.BundleId, b.Name, null, null, null, null, b.TotalQuota, b.TotalConsumed,
        Math.Max(0, b.TotalQuota - b.TotalConsumed), b.UtilizationPercent);

    private static IReadOnlyList<object?> CsvRow(DesignationScopeRow s) => Row("designation_scope", null, null, s.Cell, s.Designation, s.Level,
        s.Mandal ?? s.District ?? s.State ?? s.Zone, s.Capacity, s.Used, s.Remaining, s.UtilizationPercent);

    private static IReadOnlyList<object?> CsvRow(LevelCapRow c) => Row("level_cap", null, null, c.Cell, null, c.Level, c.Unit, c.Capacity, c.Used, c.Remaining,
        c.UtilizationPercent);

    private static IReadOnlyList<object?> Row(params object?[] values) => values;
}
