using CapacityAdmin.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(Codes.MaxLength);
        builder.Property(d => d.Name).HasMaxLength(Codes.NameMaxLength).IsRequired();
        builder.Property(d => d.StateCode).HasMaxLength(Codes.MaxLength).IsRequired();
        builder.HasOne(d => d.State).WithMany().HasForeignKey(d => d.StateCode).OnDelete(DeleteBehavior.Restrict);
    }
}
