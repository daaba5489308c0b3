using CapacityAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class CapacityChangeConfiguration : IEntityTypeConfiguration<CapacityChange>
{
    public void Configure(EntityTypeBuilder<CapacityChange> builder)
    {
        builder.ToTable("CapacityChanges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Field).HasMaxLength(CapacityChange.FieldMaxLength).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(CapacityChange.ValueMaxLength);
        builder.Property(c => c.NewValue).HasMaxLength(CapacityChange.ValueMaxLength);
        builder.Property(c => c.Reason).HasMaxLength(CapacityChange.ReasonMaxLength).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(CapacityChange.ChangedByMaxLength).IsRequired();
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Bundles.Bundle>().WithMany().HasForeignKey(c => c.BundleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CampaignId, c.ChangedAt });
        builder.HasIndex(c => new { c.BundleId, c.ChangedAt });
    }
}
