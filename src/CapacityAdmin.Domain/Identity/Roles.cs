namespace CapacityAdmin.Domain.Identity;

/// <summary>The roles of the product (product.md §1). Integration exists for API keys only.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CustomerSuccess = "CustomerSuccess";
    public const string Sales = "Sales";
    public const string CompanyAdmin = "CompanyAdmin";
    public const string Integration = "Integration";

    /// <summary>Roles a person can hold (Integration is for API keys only).</summary>
    public static readonly IReadOnlyList<string> UserRoles = [Administrator, CustomerSuccess, Sales, CompanyAdmin];

    public static readonly IReadOnlyList<string> ApiKeyRoles = [Administrator, CustomerSuccess, Sales, CompanyAdmin, Integration];

    /// <summary>Roles that see every company.</summary>
    public const string AllCompanyReaders = Administrator + "," + CustomerSuccess + "," + Sales;

    /// <summary>Roles that edit capacities.</summary>
    public const string CapacityEditors = Administrator + "," + CustomerSuccess;

    public static string? Normalize(string? role) =>
        role is null ? null : ApiKeyRoles.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
