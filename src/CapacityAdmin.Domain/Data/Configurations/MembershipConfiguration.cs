using CapacityAdmin.Domain.Geography;
using CapacityAdmin.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    /// <summary>
    /// Rows the unique seat indexes cover. Double-quoted identifiers are valid on SQLite,
    /// PostgreSQL and SQL Server (QUOTED_IDENTIFIER is on for every SqlClient session, and a
    /// filtered index requires it anyway).
    /// </summary>
    public const string SeatHolderFilter = "\"Status\" IN ('ACTIVE', 'PENDING_APPROVAL', 'PENDING_PAYMENT')";

    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MemberRef).HasMaxLength(Membership.MemberRefMaxLength).IsRequired();
        builder.Property(m => m.CellCode).HasMaxLength(Codes.MaxLength).IsRequired();
        builder.Property(m => m.DesignationCode).HasMaxLength(Codes.MaxLength).IsRequired();
        builder.Property(m => m.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Zone).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.StateCode).HasMaxLength(Codes.MaxLength);
        builder.Property(m => m.DistrictCode).HasMaxLength(Codes.MaxLength);
        builder.Property(m => m.MandalCode).HasMaxLength(Codes.MaxLength);
        builder.Property(m => m.ScopeKey).HasColumnName("ScopeKey").HasMaxLength(SeatScopeLock.KeyMaxLength).IsRequired();
        builder.Property(m => m.Status).HasColumnName("Status").HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.PaymentStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Fee).HasPrecision(18, 2);
        builder.Property(m => m.AmountPaid).HasPrecision(18, 2);
        builder.Property(m => m.ProviderRef).HasMaxLength(200);
        builder.Ignore(m => m.Path);

        builder.HasOne<Cell>().WithMany().HasForeignKey(m => m.CellCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Designation>().WithMany().HasForeignKey(m => m.DesignationCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<State>().WithMany().HasForeignKey(m => m.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(m => m.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Mandal>().WithMany().HasForeignKey(m => m.MandalCode).OnDelete(DeleteBehavior.Restrict);

        // The backstop of every seat limit: no two seat holders of one scope share a number,
        // and no member holds two seats in one scope. Rows that stopped holding a seat keep
        // their number as history and are outside the filter.
        builder.HasIndex(m => new { m.ScopeKey, m.SeatSequence }).IsUnique()
            .HasDatabaseName("UX_Memberships_Scope_Seat").HasFilter(SeatHolderFilter);
        builder.HasIndex(m => new { m.ScopeKey, m.MemberRef }).IsUnique()
            .HasDatabaseName("UX_Memberships_Scope_Member").HasFilter(SeatHolderFilter);

        builder.HasIndex(m => new { m.CellCode, m.Level, m.Status });
        builder.HasIndex(m => new { m.Status, m.LockedAt });
        builder.HasIndex(m => new { m.Status, m.ExpiresAt });
        builder.HasIndex(m => m.MemberRef);
        builder.HasIndex(m => m.CreatedAt);
    }
}
