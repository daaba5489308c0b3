using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class MembershipCapacityChangeConfiguration : IEntityTypeConfiguration<MembershipCapacityChange>
{
    public void Configure(EntityTypeBuilder<MembershipCapacityChange> builder)
    {
        builder.ToTable("MembershipCapacityChanges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Subject).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Field).HasMaxLength(60).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(200);
        builder.Property(c => c.NewValue).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(MembershipCapacityChange.ReasonMaxLength).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => new { c.Subject, c.ChangedAt });
    }
}
