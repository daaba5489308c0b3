using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class DesignationConfiguration : IEntityTypeConfiguration<Designation>
{
    public void Configure(EntityTypeBuilder<Designation> builder)
    {
        builder.ToTable("Designations");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(Codes.MaxLength);
        builder.Property(d => d.Name).HasMaxLength(Codes.NameMaxLength).IsRequired();
        builder.Property(d => d.Fee).HasPrecision(18, 2);
        builder.HasMany(d => d.LevelCapacities).WithOne().HasForeignKey(o => o.DesignationCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.LevelCapacities).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
