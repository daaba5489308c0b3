using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>GET /settings/alert-bands: one band, lowest first.</summary>
public sealed record AlertBandSettingView(string Threshold, decimal MinUtilizationPercent, AlertSeverity Severity, IReadOnlyList<AlertRecipients> Recipients,
    AlertAction Action, TimeSpan RepeatWindow, bool IsHardLimit, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>
/// PUT /settings/alert-bands, one item: the contract's names (severity "warning", recipients
/// ["company_admin", "cs"], action "recommend_expansion") and a repeat window.
/// </summary>
public sealed record AlertBandSettingInput(string? Threshold, decimal? MinUtilizationPercent, string? Severity, IReadOnlyList<string>? Recipients,
    string? Action, TimeSpan? RepeatWindow);

/// <summary>
/// Reads and changes the threshold bands. Reading: Administrator, CS and Sales; changing:
/// Administrator only. A PUT lists any of the four bands (each complete); bands not listed stay as
/// they are. A changed band applies to the next evaluation, including the repeat window of pools
/// already alerted.
/// </summary>
public sealed class AlertSettingsService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, AlertBandCache? bandCache = null)
{
    public static readonly TimeSpan MinRepeatWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRepeatWindow = TimeSpan.FromDays(30);

    public async Task<Result<IReadOnlyList<AlertBandSettingView>>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadOperations, "read alert settings") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Result<IReadOnlyList<AlertBandSettingView>>.Success(await ReadAsync(db, ct));
    }

    public async Task<Result<IReadOnlyList<AlertBandSettingView>>> UpdateAsync(Actor actor, IReadOnlyList<AlertBandSettingInput>? bands,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "change alert settings") is { } denied) return denied;
        if (bands is null || bands.Count == 0) return DomainError.Validation("bands", "At least one band is required.");

        var errors = new Dictionary<string, string[]>();
        var parsed = new Dictionary<string, (decimal Min, AlertSeverity Severity, AlertRecipients Recipients, AlertAction Action, TimeSpan Window)>();
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            var at = $"[{i}]";
            var threshold = AlertService.NormalizeThreshold(b.Threshold);
            if (threshold is null)
            {
                errors[$"{at}.threshold"] = [$"threshold must be one of {string.Join(", ", AlertBandSetting.Thresholds)}."];
                continue;
            }
            if (parsed.ContainsKey(threshold))
            {
                errors[$"{at}.threshold"] = [$"{threshold} is listed twice."];
                continue;
            }
            var itemErrors = errors.Count;
            var isHard = threshold == AlertBandSetting.HardLimitThreshold;
            var min = b.MinUtilizationPercent ?? 0m;
            if (b.MinUtilizationPercent is null) errors[$"{at}.minUtilizationPercent"] = ["minUtilizationPercent is required."];
            else if (isHard && min != AlertBandSetting.HardLimitPercent)
                errors[$"{at}.minUtilizationPercent"] = ["The 110% band is the hard limit of each pool; its minUtilizationPercent is always 110."];
            else if (!isHard && (min <= 0 || min > 1000m || decimal.Round(min, 2) != min))
                errors[$"{at}.minUtilizationPercent"] = ["minUtilizationPercent lies in (0, 1000] with at most 2 decimals."];
            if (!WireNames.TryParse<AlertSeverity>(b.Severity, out var severity))
                errors[$"{at}.severity"] = ["severity must be one of info, warning, error, critical."];
            if (!WireNames.TryParse<AlertAction>(b.Action, out var action) || action == AlertAction.CapacityRequest)
                errors[$"{at}.action"] = ["action must be one of upsell_opportunity, recommend_expansion, block_enrollments."];
            var recipients = AlertRecipients.None;
            if (b.Recipients is null || b.Recipients.Count == 0) errors[$"{at}.recipients"] = ["At least one recipient is required."];
            else
                foreach (var r in b.Recipients)
                {
                    if (WireNames.TryParse<AlertRecipients>(r, out var role) && role.IsSingleRole()) recipients |= role;
                    else errors[$"{at}.recipients"] = ["recipients are sales, company_admin and cs."];
                }
            if (b.RepeatWindow is not { } window || window < MinRepeatWindow || window > MaxRepeatWindow)
                errors[$"{at}.repeatWindow"] = ["repeatWindow lies between 00:01:00 and 30.00:00:00."];
            if (errors.Count == itemErrors) parsed[threshold] = (min, severity, recipients, action, b.RepeatWindow!.Value);
        }
        if (errors.Count > 0) return DomainError.Validation("The alert bands are invalid.", errors);

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.AlertBandSettings.ToListAsync(ct);
        foreach (var row in rows)
            if (parsed.TryGetValue(row.Threshold, out var p))
                row.Update(p.Min, p.Severity, p.Recipients, p.Action, p.Window, actor.Name, now);

        // The percentage bands must rise with their rank, or "the highest band reached" means nothing.
        var ordered = rows.Where(r => !r.IsHardLimit).OrderBy(r => r.Rank).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].MinUtilizationPercent <= ordered[i - 1].MinUtilizationPercent)
                return DomainError.Validation("minUtilizationPercent",
                    $"minUtilizationPercent must rise with the band: {ordered[i - 1].Threshold} has {ordered[i - 1].MinUtilizationPercent}, {ordered[i].Threshold} has {ordered[i].MinUtilizationPercent}.");

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        bandCache?.Invalidate();
        return Result<IReadOnlyList<AlertBandSettingView>>.Success(await ReadAsync(db, ct));
    }

    private static async Task<IReadOnlyList<AlertBandSettingView>> ReadAsync(CapacityDbContext db, CancellationToken ct)
    {
        var rows = await db.AlertBandSettings.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Rank)
            .Select(r => new AlertBandSettingView(r.Threshold, r.MinUtilizationPercent, r.Severity, r.Recipients.Each().ToList(), r.Action,
                r.RepeatWindow, r.IsHardLimit, r.UpdatedAt, r.UpdatedBy))
            .ToList();
    }
}
