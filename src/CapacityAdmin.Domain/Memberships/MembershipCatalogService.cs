using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// What the seats are made of: cells, designations (with per-level overrides), aggregate caps and
/// the membership settings. Capacity edits need CS or Administrator and a reason, and are audited.
/// </summary>
public sealed partial class MembershipCatalogService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, IOptions<MembershipOptions> options)
{
    public async Task<Result<CellView>> CreateCellAsync(Actor actor, string? code, string? name, bool? isActive = null, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "create cells") is { } denied) return denied;
        var normalized = Codes.Normalize(code);
        if (ValidateCodeAndName(normalized, name) is { } invalid) return invalid;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Cells.AnyAsync(c => c.Code == normalized, ct)) return Duplicate("cell", normalized!);
        var cell = new Cell(normalized!, name!.Trim(), isActive ?? true);
        db.Cells.Add(cell);
        return await SaveUniqueAsync(db, CellView.From(cell), "cell", normalized!, ct);
    }

    public async Task<Result<IReadOnlyList<CellView>>> ListCellsAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read cells") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Result<IReadOnlyList<CellView>>.Success((await db.Cells.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CellView.From).ToList());
    }

    public async Task<Result<DesignationView>> CreateDesignationAsync(Actor actor, CreateDesignationRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "create designations") is { } denied) return denied;
        var code = Codes.Normalize(request.Code);
        if (ValidateCodeAndName(code, request.Name) is { } invalid) return invalid;
        var fee = request.Fee ?? 0m;
        var validity = request.ValidityDays ?? Designation.DefaultValidityDays;
        if (ValidateNumbers(request.DefaultCapacity, fee, validity) is { } bad) return bad;

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Designations.AnyAsync(d => d.Code == code, ct)) return Duplicate("designation", code!);
        var designation = new Designation(code!, request.Name!.Trim(), request.DefaultCapacity, fee, validity, request.Rank ?? 0);
        db.Designations.Add(designation);
        return await SaveUniqueAsync(db, DesignationView.From(designation), "designation", code!, ct);
    }

    /// <summary>Changes capacity, fee, validity (and name, rank) with a reason; each changed value is audited.</summary>
    public async Task<Result<DesignationView>> UpdateDesignationAsync(Actor actor, string? code, UpdateDesignationRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "edit designations") is { } denied) return denied;
        if (ValidateReason(request.Reason) is { } noReason) return noReason;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var designation = await MembershipService.FindDesignationAsync(db, code, ct);
        if (designation is null) return DesignationNotFound(code);
        if (ValidateNumbers(request.DefaultCapacity ?? designation.DefaultCapacity, request.Fee ?? designation.Fee,
                request.ValidityDays ?? designation.ValidityDays) is { } bad) return bad;
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name)) return DomainError.Validation("name", "A name cannot be blank.");

        var subject = $"DESIGNATION:{designation.Code}";
        var now = clock.GetUtcNow();
        void Record(string field, object? old, object? @new)
        {
            if (!Equals(old, @new))
                db.MembershipCapacityChanges.Add(new MembershipCapacityChange(subject, field, old?.ToString(), @new?.ToString(), request.Reason!.Trim(), actor.Name, now));
        }
        if (request.DefaultCapacity is { } capacity) { Record("defaultCapacity", designation.DefaultCapacity, capacity); designation.SetDefaultCapacity(capacity); }
        if (request.Fee is { } fee) { Record("fee", designation.Fee, fee); designation.SetFee(fee); }
        if (request.ValidityDays is { } days) { Record("validityDays", designation.ValidityDays, days); designation.SetValidityDays(days); }
        if (request.Name?.Trim() is { } name) { Record("name", designation.Name, name); designation.Rename(name); }
        if (request.Rank is { } rank) { Record("rank", designation.Rank, rank); designation.SetRank(rank); }
        await db.SaveChangesAsync(ct);
        return DesignationView.From(designation);
    }

    /// <summary>Sets the seats per scope of a designation at one level (replaces the default there).</summary>
    public async Task<Result<DesignationView>> SetDesignationLevelCapacityAsync(Actor actor, string? code, Level level, int capacity, string? reason, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "edit designations") is { } denied) return denied;
        if (ValidateReason(reason) is { } noReason) return noReason;
        if (capacity < 0) return DomainError.Validation("capacity", "capacity must be 0 or more.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var designation = await MembershipService.FindDesignationAsync(db, code, ct);
        if (designation is null) return DesignationNotFound(code);
        var old = designation.SetLevelCapacity(level, capacity);
        db.MembershipCapacityChanges.Add(new MembershipCapacityChange($"DESIGNATION:{designation.Code}:{level}", "capacity",
            old?.ToString(), capacity.ToString(), reason!.Trim(), actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return DesignationView.From(designation);
    }

    public async Task<Result<IReadOnlyList<DesignationView>>> ListDesignationsAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadMemberships, "read designations") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Designations.AsNoTracking().Include(d => d.LevelCapacities).ToListAsync(ct);
        return Result<IReadOnlyList<DesignationView>>.Success(rows.OrderBy(d => d.Rank).ThenBy(d => d.Code, StringComparer.Ordinal).Select(DesignationView.From).ToList());
    }

    /// <summary>The settings in force (the settings page and API, and the sweep jobs as <see cref="Actor.System"/>).</summary>
    public async Task<Result<SettingsSnapshot>> GetSettingsAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.ReadOperations, "read settings") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await MembershipSettingsReader.ReadAsync(db, options.Value, ct);
    }

    /// <summary>PUT /settings/membership (Administrator). A new lock timeout applies at once to existing locks.</summary>
    public async Task<Result<SettingsSnapshot>> UpdateSettingsAsync(Actor actor, SettingsSnapshot settings, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "change settings") is { } denied) return denied;
        if (settings.SeatLockTimeout < TimeSpan.FromSeconds(1) || settings.SeatLockTimeout > TimeSpan.FromDays(7))
            return DomainError.Validation("seatLockTimeout", "seatLockTimeout must be between 00:00:01 and 7.00:00:00.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.MembershipSettings.FirstOrDefaultAsync(s => s.Id == MembershipSettings.SingletonId, ct);
        if (row is null) db.MembershipSettings.Add(new MembershipSettings(settings.SeatLockTimeout, settings.ExpirySweepEnabled, settings.HierarchicalCaps));
        else row.Update(settings.SeatLockTimeout, settings.ExpirySweepEnabled, settings.HierarchicalCaps);
        await db.SaveChangesAsync(ct);
        return await MembershipSettingsReader.ReadAsync(db, options.Value, ct);
    }

    private static DomainError? ValidateCodeAndName(string? code, string? name)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Codes.IsValid(code)) errors["code"] = [$"A code has 1 to {Codes.MaxLength} letters, digits, '.', '-' or '_'."];
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > Codes.NameMaxLength) errors["name"] = [$"A name has 1 to {Codes.NameMaxLength} characters."];
        return errors.Count == 0 ? null : DomainError.Validation("The request is not valid.", errors);
    }

    private static DomainError? ValidateNumbers(int capacity, decimal fee, int validityDays)
    {
        var errors = new Dictionary<string, string[]>();
        if (capacity < 0) errors["defaultCapacity"] = ["defaultCapacity must be 0 or more."];
        if (fee < 0 || decimal.Round(fee, 2) != fee) errors["fee"] = ["fee must be 0 or more, with at most 2 decimals."];
        if (validityDays < 1) errors["validityDays"] = ["validityDays must be 1 or more."];
        return errors.Count == 0 ? null : DomainError.Validation("The request is not valid.", errors);
    }

    internal static DomainError? ValidateReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return DomainError.Validation("reason", "A reason is required.");
        return reason.Trim().Length > MembershipCapacityChange.ReasonMaxLength
            ? DomainError.Validation("reason", $"A reason has at most {MembershipCapacityChange.ReasonMaxLength} characters.")
            : null;
    }

    private static DomainError DesignationNotFound(string? code) =>
        DomainError.NotFound(MembershipErrorCodes.DesignationNotFound, $"No designation with code '{code}'.");

    private static DomainError Duplicate(string what, string code) =>
        DomainError.Conflict(ErrorCodes.Duplicate, $"A {what} with code '{code}' already exists.");

    private static async Task<Result<T>> SaveUniqueAsync<T>(CapacityDbContext db, T value, string what, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return value;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Duplicate(what, code);
        }
    }
}
