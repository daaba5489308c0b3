using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>The alert services over the test database and clock, and helpers to arrange users and pools.</summary>
public abstract class AlertTest(TestDatabase database) : DatabaseTest(database)
{
    protected AlertService AlertService => new(Database, Clock, Options.Create(AlertOptions));
    protected AlertSettingsService AlertSettings => new(Database, Clock);

    protected AlertScanService Scanner =>
        new(Database, AlertEvaluator, new MembershipReportService(Database, Clock, Options.Create(new MembershipOptions())));

    protected AlertDispatchService Dispatcher(IAlertMessageSender sender) =>
        new(Database, sender, Clock, Options.Create(AlertOptions), NullLogger<AlertDispatchService>.Instance);

    /// <summary>A user in <paramref name="role"/> with an email address; returns the address.</summary>
    protected async Task<string> AddUserAsync(string role, Guid? companyId = null, string? email = null, bool revoked = false)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        await using var db = Database.CreateDbContext();
        var roleRow = await db.Roles.FirstOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // A parallel test class on the same PostgreSQL database created it first.
                db.ChangeTracker.Clear();
                roleRow = await db.Roles.FirstAsync(r => r.Name == role);
            }
        }
        var user = new ApplicationUser
        {
            UserName = $"user-{Guid.NewGuid():N}", Email = email, NormalizedEmail = email.ToUpperInvariant(),
            CompanyId = companyId, CreatedAt = Clock.GetUtcNow(), LockoutEnabled = revoked, LockoutEnd = revoked ? DateTimeOffset.MaxValue : null,
        };
        user.NormalizedUserName = user.UserName!.ToUpperInvariant();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>A seats campaign (default 10 seats, 10 % overage: hard limit 11) with <paramref name="enrolled"/> volunteers, enrolled without alert evaluation.</summary>
    protected async Task<Guid> SeatsCampaignAsync(Guid company, int seats = 10, int enrolled = 0, decimal overage = 10m)
    {
        var campaign = await NewCampaignAsync(company, seats: seats, overage: overage);
        if (enrolled > 0) await SetVolunteersAsync(campaign.CampaignId, enrolled);
        return campaign.CampaignId;
    }

    /// <summary>
    /// Puts usage in place directly (as a consumption whose evaluation was lost would leave it): the
    /// counter and the enrollment rows, with no alert evaluated.
    /// </summary>
    protected async Task SetVolunteersAsync(Guid campaignId, int enrolled)
    {
        await using var db = Database.CreateDbContext();
        for (var i = 0; i < enrolled; i++) db.VolunteerEnrollments.Add(new VolunteerEnrollment(campaignId, $"pre-{Guid.NewGuid():N}", Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        await db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.VolunteersEnrolled, c => c.VolunteersEnrolled + enrolled));
    }

    protected async Task<List<Alert>> AlertsOfPoolAsync(Guid poolId)
    {
        await using var db = Database.CreateDbContext();
        var alerts = await db.Alerts.AsNoTracking().Include(a => a.Deliveries).Where(a => a.PoolId == poolId).ToListAsync();
        return alerts.OrderBy(a => a.CreatedAt).ToList();
    }

    protected async Task<List<AlertDelivery>> DeliveriesAsync(IEnumerable<Guid> alertIds)
    {
        var ids = alertIds.ToList();
        await using var db = Database.CreateDbContext();
        return await db.AlertDeliveries.AsNoTracking().Include(d => d.AttemptHistory).Where(d => ids.Contains(d.AlertId)).ToListAsync();
    }

    /// <summary>Raises one info alert per synthetic pool of <paramref name="company"/> (usage 85 of 100) through the evaluator.</summary>
    protected async Task<IReadOnlyList<AlertView>> RaiseInfoAlertsAsync(Guid company, int count)
    {
        var pools = Enumerable.Range(0, count)
            .Select(i => new AlertPool(Common.PoolType.Campaign, Guid.NewGuid(), company, $"Pool {i}", PoolMeasure.Volunteers, 85, 100, 110))
            .ToList();
        return await AlertEvaluator.EvaluateAsync(pools);
    }

    protected static Actor CompanyAdminActor(Guid companyId) => CompanyAdminOf(companyId);
}
