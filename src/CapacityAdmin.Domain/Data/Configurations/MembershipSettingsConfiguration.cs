using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class MembershipSettingsConfiguration : IEntityTypeConfiguration<MembershipSettings>
{
    public void Configure(EntityTypeBuilder<MembershipSettings> builder)
    {
        builder.ToTable("MembershipSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.SeatLockTimeout);
    }
}
