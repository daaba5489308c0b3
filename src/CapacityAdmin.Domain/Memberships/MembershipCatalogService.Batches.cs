using System.Globalization;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// The editors' saves: every changed value of one editor in one transaction, all or nothing. A refusal
/// names the entry (matrix cell) or field that failed, and nothing of the batch is written.
/// </summary>
public sealed partial class MembershipCatalogService
{
    /// <summary>
    /// Sets or removes every cap of the batch with one reason. Each entry is checked in order (capacity,
    /// cell, unit, an existing row to remove, the same key twice); the first refusal returns with
    /// <c>Extensions["entry"]</c> (its index) and <c>Errors["edits[i]"]</c>, and the transaction rolls back.
    /// </summary>
    public async Task<Result<LevelCapacityBatchOutcome>> SaveLevelCapacitiesAsync(Actor actor, LevelCapacityBatchRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "edit level capacities") is { } denied) return denied;
        if (ValidateReason(request.Reason) is { } noReason) return noReason;
        if (request.Edits is not { Count: > 0 }) return DomainError.Validation("edits", "There is nothing to save.");

        await using var db = await contexts.CreateDbContextAsync(ct);
        // SQLite: BEGIN IMMEDIATE, so the reads below and the writes are one serialised unit.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        var seen = new HashSet<(string, Level, string)>();
        int created = 0, updated = 0, removed = 0;
        for (var i = 0; i < request.Edits.Count; i++)
        {
            var edit = request.Edits[i];
            if (edit?.Key is null) return EntryRefused(i, null, DomainError.Validation("key", "Each entry names a cell, a level and a unit."));
            if (edit.Capacity is < 0) return EntryRefused(i, edit.Key, DomainError.Validation("capacity", "A capacity is 0 or more."));
            var resolved = await ResolveKeyAsync(db, edit.Key, ct);
            if (!resolved.IsSuccess) return EntryRefused(i, edit.Key, resolved.Error);
            var (cell, level, unit) = resolved.Value;
            if (!seen.Add((cell, level, unit))) return EntryRefused(i, edit.Key, DomainError.Validation("key", "The same cap appears twice in one save."));

            var row = await db.LevelCapacities.FirstOrDefaultAsync(c => c.CellCode == cell && c.Level == level && c.UnitCode == unit, ct);
            var subject = ScopeKeys.LevelCapacitySubject(cell, level, unit);
            if (edit.Capacity is { } capacity)
            {
                var old = row?.Capacity;
                if (old == capacity) continue;
                if (row is null) { db.LevelCapacities.Add(new LevelCapacity(cell, level, unit, capacity)); created++; }
                else { row.SetCapacity(capacity); updated++; }
                db.MembershipCapacityChanges.Add(new MembershipCapacityChange(subject, "capacity", Text(old), Text(capacity), reason, actor.Name, now));
            }
            else
            {
                if (row is null)
                    return EntryRefused(i, edit.Key, DomainError.NotFound(MembershipErrorCodes.LevelCapacityNotFound, "There is no cap to remove."));
                db.LevelCapacities.Remove(row);
                removed++;
                db.MembershipCapacityChanges.Add(new MembershipCapacityChange(subject, "capacity", Text(row.Capacity), null, reason, actor.Name, now));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return DomainError.Conflict(ErrorCodes.Duplicate, "Another save created one of these caps at the same time; nothing was saved, try again.");
        }
        return new LevelCapacityBatchOutcome(created, updated, removed);
    }

    /// <summary>
    /// Changes a designation's values and per-level overrides (set or cleared) with one reason, in one save.
    /// Every invalid field is reported (keys <c>defaultCapacity</c>, <c>fee</c>, <c>validityDays</c>, <c>name</c>,
    /// <c>overrides.STATE</c>, ...) and nothing is written. Each changed value is audited.
    /// </summary>
    public async Task<Result<DesignationView>> SaveDesignationAsync(Actor actor, string? code, DesignationEdit edit, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "edit designations") is { } denied) return denied;
        if (ValidateReason(edit.Reason) is { } noReason) return noReason;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var designation = await MembershipService.FindDesignationAsync(db, code, ct);
        if (designation is null) return DesignationNotFound(code);

        var errors = new Dictionary<string, string[]>();
        if (ValidateNumbers(edit.DefaultCapacity ?? designation.DefaultCapacity, edit.Fee ?? designation.Fee,
                edit.ValidityDays ?? designation.ValidityDays) is { Errors: { } numberErrors })
            foreach (var (field, messages) in numberErrors) errors[field] = messages;
        if (edit.Name is not null && (string.IsNullOrWhiteSpace(edit.Name) || edit.Name.Trim().Length > Codes.NameMaxLength))
            errors["name"] = [$"A name has 1 to {Codes.NameMaxLength} characters."];
        foreach (var (level, capacity) in edit.Overrides ?? new Dictionary<Level, int?>())
        {
            if (!Enum.IsDefined(level)) errors["overrides"] = ["An override names an unknown level."];
            else if (capacity is < 0) errors[$"overrides.{level}"] = [$"The {level} override is 0 or more."];
        }
        if (errors.Count > 0) return DomainError.Validation("The designation was not saved: " + string.Join(" ", errors.Values.SelectMany(m => m)), errors);

        var now = clock.GetUtcNow();
        var reason = edit.Reason!.Trim();
        void Record(string subject, string field, string? old, string? @new)
        {
            if (old != @new) db.MembershipCapacityChanges.Add(new MembershipCapacityChange(subject, field, old, @new, reason, actor.Name, now));
        }
        var subject = $"DESIGNATION:{designation.Code}";
        if (edit.DefaultCapacity is { } defaultCapacity) { Record(subject, "defaultCapacity", Text(designation.DefaultCapacity), Text(defaultCapacity)); designation.SetDefaultCapacity(defaultCapacity); }
        if (edit.Fee is { } fee) { Record(subject, "fee", designation.Fee.ToString(CultureInfo.InvariantCulture), fee.ToString(CultureInfo.InvariantCulture)); designation.SetFee(fee); }
        if (edit.ValidityDays is { } days) { Record(subject, "validityDays", Text(designation.ValidityDays), Text(days)); designation.SetValidityDays(days); }
        if (edit.Name?.Trim() is { } name) { Record(subject, "name", designation.Name, name); designation.Rename(name); }
        if (edit.Rank is { } rank) { Record(subject, "rank", Text(designation.Rank), Text(rank)); designation.SetRank(rank); }
        foreach (var (level, capacity) in (edit.Overrides ?? new Dictionary<Level, int?>()).OrderBy(o => o.Key))
        {
            var old = capacity is { } value ? designation.SetLevelCapacity(level, value) : designation.ClearLevelCapacity(level);
            Record($"{subject}:{level}", "capacity", old is { } o ? Text(o) : null, capacity is { } n ? Text(n) : null);
        }
        await db.SaveChangesAsync(ct);
        return DesignationView.From(designation);
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The refusal of one batch entry, naming it in the detail and in <c>Extensions["entry"]</c>.</summary>
    private static DomainError EntryRefused(int index, LevelCapacityKey? key, DomainError error)
    {
        var label = key is null ? $"entry {index + 1}" : Describe(key);
        var message = $"{label}: {error.Detail}";
        return error with
        {
            Detail = $"Nothing was saved. {message}",
            Errors = new Dictionary<string, string[]> { [$"edits[{index}]"] = [message] },
            Extensions = new Dictionary<string, object?> { ["entry"] = index, ["label"] = label },
        };
    }

    private static string Describe(LevelCapacityKey key) =>
        string.Join(" ", new[] { key.Cell, key.Level.ToString(), key.Zone ?? key.Mandal ?? key.District ?? key.State }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
