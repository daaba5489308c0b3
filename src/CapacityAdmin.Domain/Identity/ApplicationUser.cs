using CapacityAdmin.Domain.Companies;
using Microsoft.AspNetCore.Identity;

namespace CapacityAdmin.Domain.Identity;

/// <summary>A person who signs in to the admin UI. A CompanyAdmin belongs to exactly one company.</summary>
public class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public Guid? CompanyId { get; set; }
    public Company? Company { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an administrator creates the account or resets its password (a one-time password); cleared when the user picks their own.</summary>
    public bool MustChangePassword { get; set; }
}
