using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CapacityAdmin.Domain.Data;

/// <summary>The one database context: identity, API keys and every capacity table.</summary>
public class CapacityDbContext(DbContextOptions<CapacityDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    private DatabaseProvider? _provider;

    /// <summary>
    /// This context's database, worked out once per (pooled) instance: EF's <c>Database.IsSqlite()</c> and siblings read the
    /// provider assembly's name through reflection on every call, which the hot path makes several times a request.
    /// </summary>
    public DatabaseProvider Provider => _provider ??=
        Database.IsNpgsql() ? DatabaseProvider.Postgres : Database.IsSqlServer() ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite;

    /// <summary>The data-protection key ring, shared by every app server (sign-in cookies, antiforgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Operations.JobRun> JobRuns => Set<Operations.JobRun>();
    public DbSet<Bundle> Bundles => Set<Bundle>();
    public DbSet<VolunteerEnrollment> VolunteerEnrollments => Set<VolunteerEnrollment>();
    public DbSet<LearnerEnrollment> LearnerEnrollments => Set<LearnerEnrollment>();
    public DbSet<CreditLedgerEntry> CreditLedgerEntries => Set<CreditLedgerEntry>();
    public DbSet<CapacityChange> CapacityChanges => Set<CapacityChange>();
    public DbSet<Geography.State> States => Set<Geography.State>();
    public DbSet<Geography.District> Districts => Set<Geography.District>();
    public DbSet<Geography.Mandal> Mandals => Set<Geography.Mandal>();
    public DbSet<Memberships.Cell> Cells => Set<Memberships.Cell>();
    public DbSet<Memberships.Designation> Designations => Set<Memberships.Designation>();
    public DbSet<Memberships.DesignationLevelCapacity> DesignationLevelCapacities => Set<Memberships.DesignationLevelCapacity>();
    public DbSet<Memberships.LevelCapacity> LevelCapacities => Set<Memberships.LevelCapacity>();
    public DbSet<Memberships.Membership> Memberships => Set<Memberships.Membership>();
    public DbSet<Memberships.MembershipCapacityChange> MembershipCapacityChanges => Set<Memberships.MembershipCapacityChange>();
    public DbSet<Memberships.MembershipSettings> MembershipSettings => Set<Memberships.MembershipSettings>();
    public DbSet<Memberships.SeatScopeLock> SeatScopeLocks => Set<Memberships.SeatScopeLock>();
    public DbSet<Alerts.Alert> Alerts => Set<Alerts.Alert>();
    public DbSet<Alerts.AlertDelivery> AlertDeliveries => Set<Alerts.AlertDelivery>();
    public DbSet<Alerts.AlertDeliveryAttempt> AlertDeliveryAttempts => Set<Alerts.AlertDeliveryAttempt>();
    public DbSet<Alerts.AlertWindow> AlertWindows => Set<Alerts.AlertWindow>();
    public DbSet<Alerts.AlertBandSetting> AlertBandSettings => Set<Alerts.AlertBandSetting>();
    public DbSet<Alerts.AlertEvaluationRequest> AlertEvaluationRequests => Set<Alerts.AlertEvaluationRequest>();
    public DbSet<Forecasts.PoolRefusalDay> PoolRefusalDays => Set<Forecasts.PoolRefusalDay>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CapacityDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text; store ticks instead.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
