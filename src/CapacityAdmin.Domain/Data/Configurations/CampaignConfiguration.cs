using CapacityAdmin.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns", t =>
        {
            // Last line of defence behind the conditional updates: counters never go negative.
            t.HasCheckConstraint("CK_Campaigns_Counters", "\"VolunteersEnrolled\" >= 0 AND \"LearnersEnrolled\" >= 0 AND \"CreditsConsumedCents\" >= 0");
        });
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength).IsRequired();
        builder.Property(c => c.PricingModel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OveragePercent).HasPrecision(9, 4);
        builder.Property(c => c.BundleShare).HasPrecision(9, 6);
        builder.Ignore(c => c.CreditAllocation);
        builder.Ignore(c => c.AcceptsConsumption);
        builder.Ignore(c => c.Volunteers);
        builder.Ignore(c => c.Learners);
        builder.Ignore(c => c.CreditUsage);
        builder.Ignore(c => c.Governing);
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Bundle).WithMany().HasForeignKey(c => c.BundleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CompanyId, c.Name }).IsUnique();
        builder.HasIndex(c => c.BundleId);
        // The list's sorts at scale (issue #11): each key with the id tie-break, so a page is read from the index and the
        // streamed CSV walks (Name, Id) by keyset. None holds a usage counter, so consumption never maintains them.
        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasIndex(c => new { c.Status, c.Id });
        builder.HasIndex(c => new { c.PricingModel, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
    }
}
