using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class LevelCapacityConfiguration : IEntityTypeConfiguration<LevelCapacity>
{
    public void Configure(EntityTypeBuilder<LevelCapacity> builder)
    {
        builder.ToTable("LevelCapacities");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CellCode).HasMaxLength(Codes.MaxLength).IsRequired();
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(10);
        // "" for a blanket or NATIONAL row: never NULL, so the unique index below holds.
        builder.Property(c => c.UnitCode).HasMaxLength(Codes.MaxLength).IsRequired();
        builder.HasOne<Cell>().WithMany().HasForeignKey(c => c.CellCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CellCode, c.Level, c.UnitCode }).IsUnique();
    }
}
