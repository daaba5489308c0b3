namespace CapacityAdmin.Domain.Campaigns;

/// <summary>How a campaign was sold; decides which limit governs (product.md §2.1).</summary>
public enum PricingModel
{
    Seats,
    Credits,
    Iaas,
    Bundle,
    Custom,
}
