using CapacityAdmin.Domain.Forecasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class PoolRefusalDayConfiguration : IEntityTypeConfiguration<PoolRefusalDay>
{
    public void Configure(EntityTypeBuilder<PoolRefusalDay> builder)
    {
        // RefusalCounter upserts this table with raw SQL naming these columns: keep them in step.
        builder.ToTable("PoolRefusalDays");
        builder.HasKey(r => new { r.PoolType, r.PoolId, r.Measure, r.Day });
        builder.Property(r => r.PoolType).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Measure).HasConversion<string>().HasMaxLength(20);
        // The scan and the upsell list read the last 30 days of many pools at once.
        builder.HasIndex(r => new { r.Day, r.PoolType, r.PoolId });
    }
}
