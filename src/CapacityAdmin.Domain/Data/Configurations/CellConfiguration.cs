using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class CellConfiguration : IEntityTypeConfiguration<Cell>
{
    public void Configure(EntityTypeBuilder<Cell> builder)
    {
        builder.ToTable("Cells");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(Codes.MaxLength);
        builder.Property(c => c.Name).HasMaxLength(Codes.NameMaxLength).IsRequired();
    }
}
