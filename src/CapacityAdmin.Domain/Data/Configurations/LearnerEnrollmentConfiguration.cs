using CapacityAdmin.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class LearnerEnrollmentConfiguration : IEntityTypeConfiguration<LearnerEnrollment>
{
    public void Configure(EntityTypeBuilder<LearnerEnrollment> builder)
    {
        builder.ToTable("LearnerEnrollments");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ExternalId).HasMaxLength(LearnerEnrollment.ExternalIdMaxLength).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // At most one active enrollment per (campaign, id): the database decides racing re-enrollments.
        // Double-quoted identifiers work on SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER ON).
        builder.HasIndex(e => new { e.CampaignId, e.ExternalId })
            .IsUnique()
            .HasFilter("\"Status\" = 'Enrolled'")
            .HasDatabaseName("IX_LearnerEnrollments_Active");
        builder.HasIndex(e => new { e.CampaignId, e.Status, e.EnrolledAt });
        // Usage history and forecasts read the releases after an instant (Forecasts/UsageChanges).
        builder.HasIndex(e => new { e.CampaignId, e.ReleasedAt });
    }
}
