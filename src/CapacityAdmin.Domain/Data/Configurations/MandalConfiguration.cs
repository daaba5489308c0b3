using CapacityAdmin.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class MandalConfiguration : IEntityTypeConfiguration<Mandal>
{
    public void Configure(EntityTypeBuilder<Mandal> builder)
    {
        builder.ToTable("Mandals");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(Codes.MaxLength);
        builder.Property(m => m.Name).HasMaxLength(Codes.NameMaxLength).IsRequired();
        builder.Property(m => m.DistrictCode).HasMaxLength(Codes.MaxLength).IsRequired();
        builder.HasOne(m => m.District).WithMany().HasForeignKey(m => m.DistrictCode).OnDelete(DeleteBehavior.Restrict);
    }
}
