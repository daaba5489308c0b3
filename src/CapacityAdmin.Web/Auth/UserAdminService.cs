using System.Security.Cryptography;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Web.Auth;

public sealed record UserSummary(string Id, string Email, string? DisplayName, string Role, Guid? CompanyId, string? CompanyName, bool IsDisabled,
    bool MustChangePassword = false);

/// <summary>A new user and the one-time password to hand over (there is no self-registration).</summary>
public sealed record CreatedUser(UserSummary User, string TemporaryPassword);

/// <summary>Users and their roles, managed by Administrators.</summary>
public sealed class UserAdminService(UserManager<ApplicationUser> users, IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<UserSummary>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "read users") is { } denied) return denied;
        return Result<IReadOnlyList<UserSummary>>.Success(await SummariesAsync(ct));
    }

    private async Task<List<UserSummary>> SummariesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          select new { u.Id, u.Email, u.DisplayName, Role = r != null ? r.Name : null, u.CompanyId, Company = u.Company != null ? u.Company.Name : null, u.LockoutEnd, u.MustChangePassword })
                         .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.GroupBy(r => r.Id)
            .Select(g => g.First())
            .Select(r => new UserSummary(r.Id, r.Email ?? "", r.DisplayName, r.Role ?? "", r.CompanyId, r.Company, r.LockoutEnd > now.AddYears(50), r.MustChangePassword))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The Identity columns (AspNetUsers.Email is 256, DisplayName 200 on every provider).</summary>
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 200;

    public async Task<Result<CreatedUser>> CreateAsync(Actor actor, string? email, string? displayName, string? role, Guid? companyId, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "create users") is { } denied) return denied;
        var normalizedRole = Roles.Normalize(role);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) errors["email"] = ["A valid email address is required."];
        else if (email.Trim().Length > EmailMaxLength) errors["email"] = [$"An email address has at most {EmailMaxLength} characters."];
        if (displayName?.Trim().Length > DisplayNameMaxLength) errors["displayName"] = [$"A display name has at most {DisplayNameMaxLength} characters."];
        if (normalizedRole is null || !Roles.UserRoles.Contains(normalizedRole)) errors["role"] = [$"Role must be one of {string.Join(", ", Roles.UserRoles)}."];
        else if (normalizedRole == Roles.CompanyAdmin && companyId is null) errors["companyId"] = ["A company admin belongs to a company."];
        else if (normalizedRole != Roles.CompanyAdmin && companyId is not null) errors["companyId"] = ["Only company admins belong to a company."];
        if (errors.Count > 0) return DomainError.Validation("The user is not valid.", errors);

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id, ct))
                return DomainError.NotFound(ErrorCodes.CompanyNotFound, $"Company {id} was not found.");
        }
        if (await users.FindByEmailAsync(email!.Trim()) is not null)
            return DomainError.Conflict(ErrorCodes.Duplicate, $"A user with email {email.Trim()} already exists.");

        var user = new ApplicationUser
        {
            UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CompanyId = companyId, CreatedAt = clock.GetUtcNow(), MustChangePassword = true,
        };
        var password = TemporaryPassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return IdentityError(created);
        var added = await users.AddToRoleAsync(user, normalizedRole!);
        if (!added.Succeeded) return IdentityError(added);
        return new CreatedUser(new UserSummary(user.Id, user.Email, user.DisplayName, normalizedRole!, companyId, null, false), password);
    }

    /// <summary>
    /// Changes a user's role and company (a company admin belongs to exactly one company; other roles to none). The user's
    /// open sessions end (new security stamp), so the next sign-in carries the new role. Administrators cannot change their
    /// own role: the last administrator could lock everyone out.
    /// </summary>
    public async Task<Result<UserSummary>> UpdateAsync(Actor actor, string id, string? role, Guid? companyId, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "change users") is { } denied) return denied;
        var user = await users.FindByIdAsync(id);
        if (user is null) return DomainError.NotFound(ErrorCodes.UserNotFound, $"User {id} was not found.");
        var normalizedRole = Roles.Normalize(role);
        var errors = new Dictionary<string, string[]>();
        if (normalizedRole is null || !Roles.UserRoles.Contains(normalizedRole)) errors["role"] = [$"Role must be one of {string.Join(", ", Roles.UserRoles)}."];
        else if (normalizedRole == Roles.CompanyAdmin && companyId is null) errors["companyId"] = ["A company admin belongs to a company."];
        else if (normalizedRole != Roles.CompanyAdmin && companyId is not null) errors["companyId"] = ["Only company admins belong to a company."];
        if (errors.Count > 0) return DomainError.Validation("The user is not valid.", errors);
        var current = (await users.GetRolesAsync(user)).ToList();
        if (string.Equals(user.UserName, actor.Name, StringComparison.OrdinalIgnoreCase) && !current.SequenceEqual([normalizedRole!]))
            return DomainError.Validation("role", "You cannot change your own role.");
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (companyId is { } cid && !await db.Companies.AnyAsync(c => c.Id == cid, ct))
                return DomainError.NotFound(ErrorCodes.CompanyNotFound, $"Company {cid} was not found.");
        }
        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded) return IdentityError(removed);
        var added = await users.AddToRoleAsync(user, normalizedRole!);
        if (!added.Succeeded) return IdentityError(added);
        user.CompanyId = companyId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return IdentityError(updated);
        await users.UpdateSecurityStampAsync(user);
        return (await SummariesAsync(ct)).First(u => u.Id == id);
    }

    /// <summary>Gives the user a new one-time password, to be changed at the next sign-in; open sessions end.</summary>
    public async Task<Result<CreatedUser>> ResetPasswordAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Administer, "reset passwords") is { } denied) return denied;
        var user = await users.FindByIdAsync(id);
        if (user is null) return DomainError.NotFound(ErrorCodes.UserNotFound, $"User {id} was not found.");
        var password = TemporaryPassword();
        var removed = await users.RemovePasswordAsync(user);
        if (!removed.Succeeded) return IdentityError(removed);
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded) return IdentityError(added);
        user.MustChangePassword = true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return IdentityError(updated);
        await users.UpdateSecurityStampAsync(user);
        return new CreatedUser((await SummariesAsync(ct)).First(u => u.Id == id), password);
    }

    /// <summary>Revokes a user's access: locked out for good and signed out of open sessions.</summary>
    public Task<Result<bool>> DisableAsync(Actor actor, string id) => SetDisabledAsync(actor, id, true);

    public Task<Result<bool>> EnableAsync(Actor actor, string id) => SetDisabledAsync(actor, id, false);

    private async Task<Result<bool>> SetDisabledAsync(Actor actor, string id, bool disabled)
    {
        if (actor.Refusal(Permission.Administer, disabled ? "revoke users" : "restore users") is { } denied) return denied;
        var user = await users.FindByIdAsync(id);
        if (user is null) return DomainError.NotFound(ErrorCodes.UserNotFound, $"User {id} was not found.");
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    private static DomainError IdentityError(IdentityResult result) =>
        DomainError.Validation(string.Join(" ", result.Errors.Select(e => e.Description)),
            result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    // Meets the password rules whatever the random draw: upper, lower, digit and symbol are always present.
    private static string TemporaryPassword() =>
        "Tmp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "a7!";
}
