using CapacityAdmin.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class CreditLedgerEntryConfiguration : IEntityTypeConfiguration<CreditLedgerEntry>
{
    public void Configure(EntityTypeBuilder<CreditLedgerEntry> builder)
    {
        builder.ToTable("CreditLedgerEntries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Activity).HasMaxLength(CreditLedgerEntry.ActivityMaxLength);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(CreditLedgerEntry.IdempotencyKeyMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(CreditLedgerEntry.ReasonMaxLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.RequestFingerprint).HasMaxLength(CreditLedgerEntry.FingerprintLength);
        builder.Ignore(e => e.Amount);
        builder.Ignore(e => e.IsRefund);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CampaignId, e.IdempotencyKey })
            .IsUnique()
            .HasFilter("\"IdempotencyKey\" IS NOT NULL")
            .HasDatabaseName("IX_CreditLedgerEntries_IdempotencyKey");
        builder.HasIndex(e => new { e.CampaignId, e.CreatedAt });
    }
}
