using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

/// <summary>Table and column names are fixed: <see cref="SeatScopeLocker"/> locks rows with raw SQL.</summary>
public class SeatScopeLockConfiguration : IEntityTypeConfiguration<SeatScopeLock>
{
    public void Configure(EntityTypeBuilder<SeatScopeLock> builder)
    {
        builder.ToTable("SeatScopeLocks");
        builder.HasKey(l => l.ScopeKey);
        builder.Property(l => l.ScopeKey).HasColumnName("ScopeKey").HasMaxLength(SeatScopeLock.KeyMaxLength);
    }
}
