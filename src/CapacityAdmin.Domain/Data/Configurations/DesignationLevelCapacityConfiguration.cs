using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class DesignationLevelCapacityConfiguration : IEntityTypeConfiguration<DesignationLevelCapacity>
{
    public void Configure(EntityTypeBuilder<DesignationLevelCapacity> builder)
    {
        builder.ToTable("DesignationLevelCapacities");
        builder.HasKey(o => new { o.DesignationCode, o.Level });
        builder.Property(o => o.DesignationCode).HasMaxLength(Codes.MaxLength);
        builder.Property(o => o.Level).HasConversion<string>().HasMaxLength(10);
    }
}
