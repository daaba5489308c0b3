using CapacityAdmin.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> builder)
    {
        builder.ToTable("States");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(Codes.MaxLength);
        builder.Property(s => s.Name).HasMaxLength(Codes.NameMaxLength).IsRequired();
        builder.Property(s => s.Zone).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(s => s.Zone);
    }
}
