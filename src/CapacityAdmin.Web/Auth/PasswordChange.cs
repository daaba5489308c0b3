using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace CapacityAdmin.Web.Auth;

/// <summary>A person changes their own password: the current one, a new one that meets the rules and differs, typed twice.</summary>
public static class PasswordChange
{
    /// <summary>The messages of the change-password page by error key (the key travels in the redirect's query).</summary>
    public static readonly IReadOnlyDictionary<string, string> Messages = new Dictionary<string, string>
    {
        ["missing"] = "Fill in all three fields.",
        ["mismatch"] = "The new password and its confirmation differ.",
        ["same"] = "Choose a new password that differs from the current one.",
        ["current"] = "The current password is not correct.",
        ["weak"] = "The new password needs at least 10 characters with an upper-case letter, a lower-case letter, a digit and a symbol.",
    };

    /// <summary>Changes the password and clears the forced change; returns null on success or the key of the refusal.</summary>
    public static async Task<string?> ApplyAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? current, string? next, string? confirm)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next) || string.IsNullOrEmpty(confirm)) return "missing";
        if (next != confirm) return "mismatch";
        if (next == current) return "same";
        if (!await users.CheckPasswordAsync(user, current)) return "current";
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded) return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "current" : "weak";
        user.MustChangePassword = false;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? null : "weak";
    }
}
