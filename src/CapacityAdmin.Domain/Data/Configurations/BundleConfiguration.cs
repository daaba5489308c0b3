using CapacityAdmin.Domain.Bundles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class BundleConfiguration : IEntityTypeConfiguration<Bundle>
{
    public void Configure(EntityTypeBuilder<Bundle> builder)
    {
        builder.ToTable("Bundles", t => t.HasCheckConstraint("CK_Bundles_Counters", "\"VolunteersUsed\" >= 0"));
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(Bundle.NameMaxLength).IsRequired();
        builder.Property(b => b.Sku).HasMaxLength(Bundle.SkuMaxLength);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(b => b.AcceptsLinks);
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(b => b.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.CompanyId, b.Name }).IsUnique();
        builder.HasIndex(b => new { b.Name, b.Id }); // the list's default order and the streamed CSV's keyset
    }
}
