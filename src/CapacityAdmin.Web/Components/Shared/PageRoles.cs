using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>Role lists for page attributes and <c>AuthorizeView</c>s (constants, so attributes can use them).</summary>
public static class PageRoles
{
    /// <summary>Everyone who signs in to the UI reads capacity; company admins only their own company (enforced by the domain queries).</summary>
    public const string CapacityReaders = Roles.AllCompanyReaders + "," + Roles.CompanyAdmin;

    /// <summary>Who edits limits, statuses and bundle capacity.</summary>
    public const string CapacityEditors = Roles.CapacityEditors;

    /// <summary>Membership pages: Administrator, CS and (read-only) Sales; memberships belong to no company, so no company admins.</summary>
    public const string MembershipReaders = Roles.AllCompanyReaders;
}
