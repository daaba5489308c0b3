namespace CapacityAdmin.Domain.Bundles;

/// <summary>
/// A company's shared subscription quota. <see cref="VolunteersUsed"/> is the sum of the active
/// volunteer enrollments of its campaigns that are not closed; it is changed only by the
/// conditional statements in <c>CapacityCounters</c>, in the same transaction as the campaign counter.
/// </summary>
public class Bundle
{
    public const int NameMaxLength = 200;
    public const int SkuMaxLength = 100;
    public const int MaxCapacity = 10_000_000;

    private Bundle() { }

    public Bundle(Guid companyId, string name, string? sku, int capacity, BundleSubscriptionStatus status, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Id = Guid.NewGuid();
        CompanyId = companyId;
        Name = name.Trim();
        Sku = string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();
        Capacity = capacity;
        Status = status;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Sku { get; private set; }

    /// <summary>Places bought. The bundle as a whole never goes past it: campaigns use their overage only while the bundle has room.</summary>
    public int Capacity { get; private set; }

    public BundleSubscriptionStatus Status { get; private set; }
    public int VolunteersUsed { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool AcceptsLinks => Status is BundleSubscriptionStatus.Active or BundleSubscriptionStatus.Trialing;

    public void ChangeCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public void ChangeStatus(BundleSubscriptionStatus status) => Status = status;
}
