using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PoolType).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Measure).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PoolName).HasMaxLength(Alert.PoolNameMaxLength).IsRequired();
        builder.Property(a => a.Threshold).HasMaxLength(10);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Used).HasPrecision(18, 2);
        builder.Property(a => a.Limit).HasPrecision(18, 2);
        builder.Property(a => a.HardLimit).HasPrecision(18, 2);
        builder.Property(a => a.UtilizationPercent).HasPrecision(18, 2);
        builder.Property(a => a.Message).HasMaxLength(Alert.MessageMaxLength).IsRequired();
        builder.Property(a => a.CreatedBy).HasMaxLength(Alert.ActorMaxLength).IsRequired();
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(Alert.ActorMaxLength);
        builder.Property(a => a.AcknowledgeReason).HasMaxLength(Alert.ReasonMaxLength);
        builder.Property(a => a.SnoozedBy).HasMaxLength(Alert.ActorMaxLength);
        builder.Property(a => a.SnoozeReason).HasMaxLength(Alert.ReasonMaxLength);
        builder.Property(a => a.UpsellStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.UpsellOwner).HasMaxLength(Alert.OwnerMaxLength);
        builder.Property(a => a.UpsellNotes).HasMaxLength(Alert.NotesMaxLength);
        builder.Property(a => a.UpsellUpdatedBy).HasMaxLength(Alert.ActorMaxLength);
        builder.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Deliveries).WithOne().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Deliveries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.PoolType, a.PoolId, a.CreatedAt });
        builder.HasIndex(a => new { a.CompanyId, a.CreatedAt });
        builder.HasIndex(a => new { a.UpsellStatus, a.CreatedAt });
        builder.HasIndex(a => a.CreatedAt);
        // The inbox and the attention queue count alerts by kind and status (acknowledged, snoozed) at scale (issue #11).
        builder.HasIndex(a => new { a.Kind, a.AcknowledgedAt, a.SnoozedUntil });
        // Their newest page of one kind (unacknowledged first): read in CreatedAt order and stopped after the page, instead of
        // sorting every alert of the kind (56,000 at 100k campaigns).
        builder.HasIndex(a => new { a.Kind, a.AcknowledgedAt, a.CreatedAt });
    }
}

public class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.ToTable("AlertDeliveries");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Recipient).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Address).HasMaxLength(AlertDelivery.AddressMaxLength);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(AlertDelivery.ErrorMaxLength);
        builder.Property(d => d.ProviderMessageId).HasMaxLength(AlertDelivery.ProviderMessageIdMaxLength);
        builder.Property(d => d.ClaimedBy).HasMaxLength(AlertDelivery.DispatcherMaxLength);
        builder.HasMany(d => d.AttemptHistory).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.AttemptHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One delivery per address per alert: the database backs "never the same alert twice to the same recipient".
        // NULL addresses (no_address rows, one per role) are distinct in a unique index on every provider.
        builder.HasIndex(d => new { d.AlertId, d.Address }).IsUnique();
        // The dispatcher's query: due pending deliveries.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}

public class AlertDeliveryAttemptConfiguration : IEntityTypeConfiguration<AlertDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<AlertDeliveryAttempt> builder)
    {
        builder.ToTable("AlertDeliveryAttempts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Error).HasMaxLength(AlertDelivery.ErrorMaxLength);
        builder.Property(a => a.DispatcherId).HasMaxLength(AlertDelivery.DispatcherMaxLength).IsRequired();
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
    }
}

public class AlertWindowConfiguration : IEntityTypeConfiguration<AlertWindow>
{
    public void Configure(EntityTypeBuilder<AlertWindow> builder)
    {
        builder.ToTable("AlertWindows");
        builder.HasKey(w => new { w.PoolType, w.PoolId, w.Measure, w.Threshold });
        builder.Property(w => w.PoolType).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Measure).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Threshold).HasMaxLength(10);
    }
}

public class AlertBandSettingConfiguration : IEntityTypeConfiguration<AlertBandSetting>
{
    public void Configure(EntityTypeBuilder<AlertBandSetting> builder)
    {
        builder.ToTable("AlertBandSettings");
        builder.HasKey(s => s.Threshold);
        builder.Property(s => s.Threshold).HasMaxLength(10);
        builder.Property(s => s.MinUtilizationPercent).HasPrecision(9, 2);
        builder.Property(s => s.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.UpdatedBy).HasMaxLength(Alert.ActorMaxLength);
        builder.Ignore(s => s.RepeatWindow);
        builder.Ignore(s => s.IsHardLimit);
        // Seeded with the product table (product.md §3); the migration inserts these rows.
        builder.HasData(AlertBandSetting.Defaults());
    }
}

public class AlertEvaluationRequestConfiguration : IEntityTypeConfiguration<AlertEvaluationRequest>
{
    public void Configure(EntityTypeBuilder<AlertEvaluationRequest> builder)
    {
        builder.ToTable("AlertEvaluationRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.PoolType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.CreatedAt);
    }
}
