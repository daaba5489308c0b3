using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// Creating campaigns and changing their capacity: limits (with a reason, recorded on the timeline),
/// lifecycle transitions and bundle links. Writes take locks in the global order bundle rows
/// (by id) before the campaign row, like the consumption services.
/// </summary>
public sealed class CampaignService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock)
{
    public async Task<Result<CapacityStatus>> CreateAsync(Actor actor, CreateCampaignRequest request, CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        var name = request.Name?.Trim() ?? "";
        if (CampaignValidation.ValidateCreate(request, name) is { } invalid) return invalid;

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!actor.CanSeeCompany(request.CompanyId) || !await db.Companies.AnyAsync(c => c.Id == request.CompanyId, ct))
            return CompanyService.NotFound(request.CompanyId);

        var now = clock.GetUtcNow();
        var campaign = new Campaign(request.CompanyId, name, request.PricingModel, request.Status ?? CampaignStatus.Active,
            request.TargetVolunteers, request.TargetBeneficiaries, now);
        campaign.SetModelLimits(request.CommittedSeats, request.CreditAllocation, request.LearnersCommitted);
        campaign.SetOveragePercent(request.OveragePercent ?? CapacityPolicy.DefaultOveragePercent);
        campaign.SetDates(request.StartDate, request.EndDate);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (request.BundleId is { } bundleId)
        {
            await CapacityCounters.LockBundleAsync(db, bundleId, ct);
            var bundle = await BundleLinks.LoadLinkableAsync(db, actor, request.CompanyId, bundleId, ct);
            if (!bundle.IsSuccess) return bundle.Error;
            var share = request.BundleShare!.Value;
            if (await BundleLinks.CheckShareAsync(db, bundleId, campaign.Id, share, ct) is { } tooMuch) return tooMuch;
            campaign.LinkToBundle(bundle.Value, share);
        }
        db.Campaigns.Add(campaign);
        db.CapacityChanges.Add(CapacityChange.ForCampaign(campaign.CompanyId, campaign.Id, "campaign", null, "created",
            "Campaign created", actor.Name, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return DomainError.Conflict(ErrorCodes.Duplicate, $"The company already has a campaign named '{name}'.");
        }
        await tx.CommitAsync(ct);
        return CapacityStatus.From(campaign);
    }

    /// <summary>Computes what <see cref="ChangeLimitsAsync"/> would do, without writing. The reason is not required here.</summary>
    public async Task<Result<LimitChangeImpact>> PreviewLimitChangeAsync(Actor actor, Guid campaignId, CampaignLimitChange change,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = await PlanLimitChangeAsync(db, actor, campaignId, change, requireReason: false, ct);
        return plan.IsSuccess ? plan.Value.Impact : plan.Error;
    }

    /// <summary>Changes limits with a required reason. Lowering below usage is allowed: nothing is taken away, new consumption is refused.</summary>
    public async Task<Result<LimitChangeResult>> ChangeLimitsAsync(Actor actor, Guid campaignId, CampaignLimitChange change,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RelinkRetry.UntilDecidedAsync(campaignId, "a limit change", async Task<Result<LimitChangeResult>?> (_) =>
        {
            var header = await CampaignHeader.LoadAsync(db, actor, campaignId, ct);
            if (header is null) return CampaignNotFound(campaignId);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (header.BundleId is { } bundleId) await CapacityCounters.LockBundleAsync(db, bundleId, ct);
            await CapacityCounters.LockCampaignAsync(db, campaignId, ct);
            var plan = await PlanLimitChangeAsync(db, actor, campaignId, change, requireReason: true, ct);
            if (!plan.IsSuccess) return plan.Error;
            var campaign = plan.Value.Campaign;
            if (campaign.BundleId != header.BundleId)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }
            var now = clock.GetUtcNow();
            foreach (var c in plan.Value.Impact.Changes)
                db.CapacityChanges.Add(CapacityChange.ForCampaign(campaign.CompanyId, campaign.Id, c.Field, c.OldValue, c.NewValue,
                    change.Reason!.Trim(), actor.Name, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new LimitChangeResult(plan.Value.Impact, CapacityStatus.From(campaign));
        });
    }

    /// <summary>Moves a campaign through its lifecycle; an illegal move is 409 INVALID_TRANSITION. Closing gives its places back to its bundle.</summary>
    public async Task<Result<CapacityStatus>> ChangeStatusAsync(Actor actor, Guid campaignId, CampaignStatus target, string? reason = null,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RelinkRetry.UntilDecidedAsync(campaignId, "a status change", async Task<Result<CapacityStatus>?> (_) =>
        {
            var header = await CampaignHeader.LoadAsync(db, actor, campaignId, ct);
            if (header is null) return CampaignNotFound(campaignId);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (header.BundleId is { } bundleId) await CapacityCounters.LockBundleAsync(db, bundleId, ct);
            await CapacityCounters.LockCampaignAsync(db, campaignId, ct);
            var campaign = await db.Campaigns.FirstAsync(c => c.Id == campaignId, ct);
            if (campaign.BundleId != header.BundleId)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }
            if (!campaign.CanTransitionTo(target))
                return DomainError.Conflict(ErrorCodes.InvalidTransition,
                    $"A campaign cannot go from {AuditValue.Of(campaign.Status)} to {AuditValue.Of(target)}.");
            var from = campaign.Status;
            campaign.TransitionTo(target);
            if (target == CampaignStatus.Closed && campaign.BundleId is { } linked && campaign.VolunteersEnrolled > 0)
                await CapacityCounters.AdjustBundleAsync(db, linked, -campaign.VolunteersEnrolled, ct);
            db.CapacityChanges.Add(CapacityChange.ForCampaign(campaign.CompanyId, campaign.Id, "status", AuditValue.Of(from), AuditValue.Of(target),
                Reason(reason, "Status changed"), actor.Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return CapacityStatus.From(campaign);
        });
    }

    /// <summary>
    /// Links a bundle campaign to a bundle of its company with a share (or changes bundle or share).
    /// Its active volunteers move to the new bundle's usage.
    /// </summary>
    public async Task<Result<CapacityStatus>> LinkToBundleAsync(Actor actor, Guid campaignId, Guid bundleId, decimal share, string? reason = null,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.EditCapacity, "change capacity") is { } denied) return denied;
        if (BundleLinks.ValidateShare(share, "share") is { } invalid) return invalid;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RelinkRetry.UntilDecidedAsync(campaignId, "a bundle link", async Task<Result<CapacityStatus>?> (_) =>
        {
            var header = await CampaignHeader.LoadAsync(db, actor, campaignId, ct);
            if (header is null) return CampaignNotFound(campaignId);
            if (header.PricingModel != PricingModel.Bundle)
                return new DomainError(ErrorKind.Unprocessable, ErrorCodes.PricingModelMismatch, "Only bundle campaigns can be linked to a bundle.");

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var id in new[] { header.BundleId, bundleId }.OfType<Guid>().Distinct().Order())
                await CapacityCounters.LockBundleAsync(db, id, ct);
            await CapacityCounters.LockCampaignAsync(db, campaignId, ct);
            var campaign = await db.Campaigns.FirstAsync(c => c.Id == campaignId, ct);
            if (campaign.BundleId != header.BundleId)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }
            if (campaign.Status == CampaignStatus.Closed)
                return DomainError.Conflict(ErrorCodes.InvalidTransition, "A closed campaign cannot be linked to a bundle.");
            var bundle = await BundleLinks.LoadLinkableAsync(db, actor, campaign.CompanyId, bundleId, ct);
            if (!bundle.IsSuccess) return bundle.Error;
            if (await BundleLinks.CheckShareAsync(db, bundleId, campaignId, share, ct) is { } tooMuch) return tooMuch;

            var (oldBundle, oldShare) = (campaign.BundleId, campaign.BundleShare);
            if (oldBundle != bundleId && campaign.VolunteersEnrolled > 0)
            {
                if (oldBundle is { } previous) await CapacityCounters.AdjustBundleAsync(db, previous, -campaign.VolunteersEnrolled, ct);
                await CapacityCounters.AdjustBundleAsync(db, bundleId, campaign.VolunteersEnrolled, ct);
            }
            campaign.LinkToBundle(bundle.Value, share);
            var now = clock.GetUtcNow();
            var why = Reason(reason, "Linked to bundle");
            if (oldBundle != bundleId)
                db.CapacityChanges.Add(CapacityChange.ForCampaign(campaign.CompanyId, campaign.Id, "bundleId", AuditValue.Of(oldBundle),
                    AuditValue.Of(bundleId), why, actor.Name, now));
            if (oldShare != share)
                db.CapacityChanges.Add(CapacityChange.ForCampaign(campaign.CompanyId, campaign.Id, "bundleShare", AuditValue.Of(oldShare),
                    AuditValue.Of(share), why, actor.Name, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return CapacityStatus.From(campaign);
        });
    }

    private sealed record LimitPlan(Campaign Campaign, LimitChangeImpact Impact);

    /// <summary>The one code path of preview and change: loads the campaign tracked, applies the change in memory and measures it.</summary>
    private static async Task<Result<LimitPlan>> PlanLimitChangeAsync(CapacityDbContext db, Actor actor, Guid campaignId, CampaignLimitChange change,
        bool requireReason, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || !actor.CanSeeCompany(campaign.CompanyId)) return CampaignNotFound(campaignId);
        if (CampaignValidation.ValidateLimitChange(campaign, change, requireReason) is { } invalid) return invalid;

        var before = campaign.Governing;
        var old = Snapshot(campaign);
        campaign.ChangeLimits(change.CommittedSeats, change.CreditAllocation, change.LearnersCommitted,
            change.TargetVolunteers, change.TargetBeneficiaries, change.OveragePercent);
        if (change.BundleShare is { } share && share != campaign.BundleShare)
        {
            var bundleId = campaign.BundleId!.Value;
            if (await BundleLinks.CheckShareAsync(db, bundleId, campaignId, share, ct) is { } tooMuch) return tooMuch;
            var bundle = await db.Bundles.AsNoTracking().FirstAsync(b => b.Id == bundleId, ct);
            campaign.LinkToBundle(bundle, share);
        }
        var after = campaign.Governing;
        var changes = Snapshot(campaign)
            .Where(kv => old[kv.Key] != kv.Value)
            .Select(kv => new FieldChange(kv.Key, old[kv.Key], kv.Value))
            .ToList();

        var refuses = !after.Allows(1);
        var belowUsage = after.Used > after.Limit;
        string? warning = null;
        if (belowUsage)
            warning = FormattableString.Invariant(
                $"Usage ({after.ToWhole(after.Used)}) is above the new limit ({after.ToWhole(after.Limit)}); nothing is taken away, ") +
                (refuses ? "and new consumption will be refused." : "and new consumption is allowed only up to the hard limit.");
        else if (refuses)
            warning = "New consumption will be refused.";

        var impact = new LimitChangeImpact(changes, CapacityKinds.Governing(campaign.PricingModel),
            after.ToWhole(after.Used), before.ToWhole(before.Limit), after.ToWhole(after.Limit),
            before.ToWhole(before.HardLimit), after.ToWhole(after.HardLimit),
            CapacityPolicy.RoundRatio(before.Utilization), CapacityPolicy.RoundRatio(after.Utilization),
            before.Band, after.Band, after.Flags, belowUsage, refuses, warning);
        return new LimitPlan(campaign, impact);
    }

    private static Dictionary<string, string?> Snapshot(Campaign c) => new()
    {
        ["committedSeats"] = AuditValue.Of(c.CommittedSeats),
        ["creditAllocation"] = AuditValue.Of(c.CreditAllocation),
        ["learnersCommitted"] = AuditValue.Of(c.LearnersCommitted),
        ["targetVolunteers"] = AuditValue.Of(c.TargetVolunteers),
        ["targetBeneficiaries"] = AuditValue.Of(c.TargetBeneficiaries),
        ["bundleShare"] = AuditValue.Of(c.BundleShare),
        ["overagePercent"] = AuditValue.Of(c.OveragePercent),
    };

    private static string Reason(string? reason, string fallback) => string.IsNullOrWhiteSpace(reason) ? fallback : reason.Trim();

    private static DomainError CampaignNotFound(Guid id) => DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {id} was not found.");
}
