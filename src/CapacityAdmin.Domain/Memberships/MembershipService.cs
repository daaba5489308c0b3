using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// Membership seats: availability, join, payment, approval, revocation, reactivation, expiry,
/// reassignment, sweeps and lists. Every operation that can take a seat runs in one transaction
/// holding the locks of the scopes it counts (<see cref="SeatScopeTransaction"/>).
/// </summary>
public sealed partial class MembershipService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, IOptions<MembershipOptions> options,
    AlertEvaluator alerts)
{
    /// <summary>
    /// Level-cap alert outbox rows for a seat just taken (written in its transaction, see
    /// <see cref="AlertEvaluationRequest.AddForSeat"/>); after the commit <see cref="EvaluateSeatAlertsAsync"/>
    /// evaluates them and deletes them.
    /// </summary>
    private static List<AlertEvaluationRequest> RequestSeatAlerts(CapacityDbContext db, IReadOnlyList<ApplicableCap> caps, DateTimeOffset now) =>
        AlertEvaluationRequest.AddForSeat(db, caps, now);

    /// <summary>Evaluates the level caps of a committed seat operation; never fails it (see <see cref="AlertEvaluator"/>).</summary>
    private async Task<IReadOnlyList<AlertView>> EvaluateSeatAlertsAsync<T>(Result<T> result, IReadOnlyCollection<AlertEvaluationRequest> requests,
        CancellationToken ct) =>
        result.IsSuccess && requests.Count > 0 ? await alerts.EvaluateRequestsAfterCommitAsync(requests, ct) : [];

    private async Task<SeatRules> RulesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RulesAsync(db, ct);
    }

    private async Task<SeatRules> RulesAsync(CapacityDbContext db, CancellationToken ct)
    {
        return await MembershipSettingsReader.ReadRulesAsync(db, options.Value, clock, ct);
    }

    /// <summary>Cell, designation (with overrides), the derived unit path and the applicable caps.</summary>
    private static async Task<Result<ResolvedScope>> ResolveAsync(CapacityDbContext db, MembershipScope scope, SeatRules rules, CancellationToken ct)
    {
        var units = scope.Units;
        if (UnitRequirement.Check(scope.Level, units) is { } missing) return missing;

        var cellCode = Codes.Normalize(scope.Cell);
        var cell = cellCode is null ? null : await db.Cells.FirstOrDefaultAsync(c => c.Code == cellCode, ct);
        if (cell is null) return DomainError.NotFound(MembershipErrorCodes.CellNotFound, $"No cell with code '{scope.Cell}'.");

        var designation = await FindDesignationAsync(db, scope.Designation, ct);
        if (designation is null) return DomainError.NotFound(MembershipErrorCodes.DesignationNotFound, $"No designation with code '{scope.Designation}'.");

        var path = await GeographyLookup.ResolveAsync(db, scope.Level, units, unitOptional: false, ct);
        if (!path.IsSuccess) return path.Error;

        var caps = await ApplicableCapsAsync(db, cell.Code, path.Value, rules, ct);
        return new ResolvedScope(cell, designation, path.Value, caps);
    }

    internal static async Task<Designation?> FindDesignationAsync(CapacityDbContext db, string? code, CancellationToken ct)
    {
        var normalized = Codes.Normalize(code);
        return normalized is null ? null
            : await db.Designations.Include(d => d.LevelCapacities).FirstOrDefaultAsync(d => d.Code == normalized, ct);
    }

    /// <summary>Reads only the rows that can govern this path (unit row or blanket row per level).</summary>
    internal static async Task<IReadOnlyList<ApplicableCap>> ApplicableCapsAsync(CapacityDbContext db, string cellCode, UnitPath path, SeatRules rules, CancellationToken ct)
    {
        var levels = rules.HierarchicalCaps ? Enum.GetValues<Level>().Where(l => l <= path.Level).ToArray() : [path.Level];
        var units = levels.Select(l => path.UnitCodeAt(l)!).Where(u => u.Length > 0).Distinct().ToArray();
        // One round trip for every level; CapPolicy then picks the governing row per level.
        var rows = await db.LevelCapacities.AsNoTracking()
            .Where(c => c.CellCode == cellCode && levels.Contains(c.Level) && (c.UnitCode == "" || units.Contains(c.UnitCode)))
            .ToListAsync(ct);
        return CapPolicy.Applicable(rows, cellCode, path, rules.HierarchicalCaps);
    }

    /// <summary>An existing membership, its designation and cell, and the caps of its own scope.</summary>
    private static async Task<Result<MembershipPlan>> PlanForMembershipAsync(CapacityDbContext db, Guid id, SeatRules rules, bool withCaps, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return NotFound(id);
        var designation = await FindDesignationAsync(db, membership.DesignationCode, ct)
            ?? throw new InvalidOperationException($"Membership {id} names a missing designation.");
        var cell = await db.Cells.FirstAsync(c => c.Code == membership.CellCode, ct);
        var caps = withCaps ? await ApplicableCapsAsync(db, membership.CellCode, membership.Path, rules, ct) : [];
        return new MembershipPlan(membership, cell, designation, caps);
    }

    private static void Audit(CapacityDbContext db, Identity.Actor actor, Membership m, string field, string? oldValue, string? newValue, string? reason, DateTimeOffset now) =>
        db.MembershipCapacityChanges.Add(new MembershipCapacityChange($"MEMBERSHIP:{m.Id}", field, oldValue, newValue, reason?.Trim() ?? "", actor.Name, now));

    private static DomainError InvalidTransition(Membership m, string action) =>
        DomainError.Conflict(ErrorCodes.InvalidTransition, $"A {m.Status} membership (payment {m.PaymentStatus}) cannot be {action}.");

    public static DomainError NotFound(Guid id) =>
        DomainError.NotFound(MembershipErrorCodes.MembershipNotFound, $"Membership {id} was not found.");

    private sealed record ResolvedScope(Cell Cell, Designation Designation, UnitPath Path, IReadOnlyList<ApplicableCap> Caps) : ISeatPlan
    {
        public string ScopeKey => ScopeKeys.Designation(Cell.Code, Designation.Code, Path);
        public IReadOnlyList<string> DesignationScopes => [ScopeKey];
    }

    private sealed record MembershipPlan(Membership Membership, Cell Cell, Designation Designation, IReadOnlyList<ApplicableCap> Caps) : ISeatPlan
    {
        public IReadOnlyList<string> DesignationScopes => [Membership.ScopeKey];
    }
}
