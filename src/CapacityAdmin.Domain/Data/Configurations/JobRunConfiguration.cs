using CapacityAdmin.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CapacityAdmin.Domain.Data.Configurations;

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.JobName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.Summary).HasMaxLength(1000);
        builder.HasIndex(r => new { r.JobName, r.StartedAt });
    }
}
