using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// Resolves recipient roles to addresses (product.md §3): Sales = users in the Sales role plus the
/// configured sales mailbox; company admins = CompanyAdmin users of the pool's company; CS = users in
/// the CustomerSuccess role. Revoked users (locked out for good) and users without an email are
/// skipped. An address appears once per alert even when it fills two roles; a role left without any
/// address yields one no_address recipient.
/// </summary>
internal static class AlertRecipientResolver
{
    public static async Task<IReadOnlyList<ResolvedRecipient>> ResolveAsync(CapacityDbContext db, AlertRecipients roles, Guid? companyId,
        string? salesMailbox, DateTimeOffset now, CancellationToken ct)
    {
        var wanted = roles.Each().ToList();
        var roleNames = wanted.Select(IdentityRoleOf).ToList();
        var users = await (
                from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where roleNames.Contains(r.Name!)
                select new { Role = r.Name, u.Email, u.CompanyId, u.LockoutEnd })
            .ToListAsync(ct);

        var revokedAfter = now.AddYears(50); // UserAdminService revokes with a lockout to DateTimeOffset.MaxValue
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<ResolvedRecipient>();
        foreach (var role in wanted)
        {
            var name = IdentityRoleOf(role);
            var addresses = users
                .Where(u => u.Role == name && !string.IsNullOrWhiteSpace(u.Email) && !(u.LockoutEnd > revokedAfter))
                .Where(u => role != AlertRecipients.CompanyAdmin || (companyId is not null && u.CompanyId == companyId))
                .Select(u => u.Email!.Trim())
                .Where(AlertAddresses.IsPlausible)
                .OrderBy(a => a, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (role == AlertRecipients.Sales && !string.IsNullOrWhiteSpace(salesMailbox)) addresses.Insert(0, salesMailbox.Trim());

            if (addresses.Count == 0)
            {
                result.Add(new ResolvedRecipient(role, null));
                continue;
            }
            foreach (var address in addresses)
                if (seen.Add(address)) result.Add(new ResolvedRecipient(role, address));
        }
        return result;
    }

    private static string IdentityRoleOf(AlertRecipients role) => role switch
    {
        AlertRecipients.Sales => Roles.Sales,
        AlertRecipients.CompanyAdmin => Roles.CompanyAdmin,
        AlertRecipients.CustomerSuccess => Roles.CustomerSuccess,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
