using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Campaigns;

/// <summary>
/// Enrolls and releases volunteers and learners. Each call is one transaction (BEGIN IMMEDIATE on
/// SQLite) in which the conditional counter UPDATEs (bundle first, then campaign) and the enrollment
/// row stand or fall together; the filtered unique index on active enrollments decides racing
/// re-enrollments of the same id.
/// <para>
/// Threshold alerts are evaluated right after the commit (allowed and refused enrollments alike; a
/// bulk call once, after its last item), see <see cref="AlertEvaluator"/>; the alerts raised come
/// back in the result. An accepted enrollment also writes an <see cref="AlertEvaluationRequest"/>
/// per pool (campaign, bundle) inside its transaction, deleted once evaluated, so an evaluation
/// lost to a crash after the commit is caught up by the next dispatch run.
/// </para>
/// </summary>
public sealed class EnrollmentService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, AlertEvaluator alerts)
{
    public const int MaxBulkItems = 10_000;

    public Task<Result<ConsumptionResult>> EnrollVolunteerAsync(Actor actor, Guid campaignId, string? volunteerId, CancellationToken ct = default) =>
        RunAsync(actor, campaignId, volunteerId, CapacityKind.Volunteers, enroll: true, ct);

    public Task<Result<ConsumptionResult>> ReleaseVolunteerAsync(Actor actor, Guid campaignId, string? volunteerId, CancellationToken ct = default) =>
        RunAsync(actor, campaignId, volunteerId, CapacityKind.Volunteers, enroll: false, ct);

    public Task<Result<ConsumptionResult>> EnrollLearnerAsync(Actor actor, Guid campaignId, string? learnerId, CancellationToken ct = default) =>
        RunAsync(actor, campaignId, learnerId, CapacityKind.Learners, enroll: true, ct);

    public Task<Result<ConsumptionResult>> ReleaseLearnerAsync(Actor actor, Guid campaignId, string? learnerId, CancellationToken ct = default) =>
        RunAsync(actor, campaignId, learnerId, CapacityKind.Learners, enroll: false, ct);

    /// <summary>
    /// Enrolls many volunteers; each item is its own atomic decision, results come back in request
    /// order. An id repeated in the list is reported as existing the second time.
    /// </summary>
    public async Task<Result<BulkEnrollmentResult>> BulkEnrollVolunteersAsync(Actor actor, Guid campaignId, IReadOnlyList<string?>? volunteerIds,
        CancellationToken ct = default)
    {
        if (actor.Refusal(Permission.Consume, "consume capacity") is { } denied) return denied;
        if (volunteerIds is null || volunteerIds.Count == 0) return DomainError.Validation("volunteerIds", "At least one volunteer id is required.");
        if (volunteerIds.Count > MaxBulkItems) return DomainError.Validation("volunteerIds", $"At most {MaxBulkItems} volunteer ids per call.");
        var ids = new List<string>(volunteerIds.Count);
        for (var i = 0; i < volunteerIds.Count; i++)
        {
            if (NormalizeId(volunteerIds[i]) is not { } id)
                return DomainError.Validation($"volunteerIds[{i}]", $"A volunteer id is 1 to {VolunteerEnrollment.ExternalIdMaxLength} characters.");
            ids.Add(id);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        if (await CampaignHeader.GetAsync(db, actor, campaignId, ct) is not { } header)
            return DomainError.NotFound(ErrorCodes.CampaignNotFound, $"Campaign {campaignId} was not found.");

        var items = new List<BulkEnrollmentItem>(ids.Count);
        // One outbox row per pool for the whole call, committed with the first accepted item that crossed a band in it.
        var requests = new List<AlertEvaluationRequest>();
        var requestedPools = new HashSet<Guid>();
        var crossedPools = new HashSet<Guid>();
        foreach (var id in ids)
        {
            // The header is reused across items and reloaded only when an item finds the campaign relinked;
            // bulk mode skips building each item's full result (only Allowed / Existing / Code are kept).
            var (decided, current) = await EnrollAsync(db, actor, campaignId, header, id, CapacityKind.Volunteers, requestedPools, fullResult: false, ct);
            if (!decided.IsSuccess) return decided.Error;
            var item = decided.Value;
            if (current is not null) header = current;
            items.Add(new BulkEnrollmentItem(id, item.Allowed, item.Existing, item.Code));
            requests.AddRange(item.AlertRequests);
            requestedPools.UnionWith(item.AlertRequests.Select(r => r.PoolId));
            crossedPools.UnionWith(item.CrossedPools.Select(p => p.PoolId));
        }
        // Usage after the last item, read once; evaluated once: the pools an item pushed into a higher band,
        // or every pool when an item was refused (a refusal is evaluated against current usage, as a single one is).
        var pools = await PoolsAfterAsync(db, campaignId, CapacityKind.Volunteers, ct);
        var refused = items.Count(i => !i.Allowed);
        var evaluate = refused > 0 ? pools : pools.Where(p => crossedPools.Contains(p.PoolId)).ToList();
        return new BulkEnrollmentResult(
            items.Count(i => i.Allowed && !i.Existing),
            items.Count(i => i.Existing),
            refused,
            items) { Pools = pools, Alerts = await alerts.EvaluateAfterConsumptionAsync(evaluate, requests, ct) };
    }

    private async Task<Result<ConsumptionResult>> RunAsync(Actor actor, Guid campaignId, string? externalId, CapacityKind kind, bool enroll,
        CancellationToken ct)
    {
        if (actor.Refusal(Permission.Consume, "consume capacity") is { } denied) return denied;
        var field = kind == CapacityKind.Volunteers ? "volunteerId" : "learnerId";
        if (NormalizeId(externalId) is not { } id)
            return DomainError.Validation(field, $"A {field} is 1 to {VolunteerEnrollment.ExternalIdMaxLength} characters.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One connection for the whole call (reads, transaction, refusal reads), not one per statement; an enrollment
        // opens it only when it decides alone (an accepted one in a group runs on the group's connection).
        if (!enroll)
        {
            await db.Database.OpenConnectionAsync(ct);
            return await ReleaseAsync(db, actor, campaignId, id, kind, ct);
        }
        var (result, _) = await EnrollAsync(db, actor, campaignId, null, id, kind, null, fullResult: true, ct);
        return result.IsSuccess ? await alerts.WithAlertsAsync(result.Value, ct) : result;
    }

    /// <summary>
    /// One enrollment. <paramref name="header"/>, when given, is the campaign header already loaded by the
    /// caller; it is used for the first attempt and reloaded only for a retry (e.g. the campaign was
    /// relinked to another bundle). Header is the header the decision was made on (null when none was
    /// loaded). Without <paramref name="fullResult"/> (bulk mode) an allowed or existing enrollment
    /// comes back as Allowed / Existing / AlertRequests only, without reading the rows back.
    /// </summary>
    private async Task<(Result<ConsumptionResult> Result, CampaignHeader? Header)> EnrollAsync(CapacityDbContext db, Actor actor, Guid campaignId,
        CampaignHeader? header, string externalId, CapacityKind kind, IReadOnlySet<Guid>? requestedPools, bool fullResult, CancellationToken ct)
    {
        var first = header;
        return await RelinkRetry.UntilDecidedAsync(campaignId, "an enrollment", async Task<(Result<ConsumptionResult>, CampaignHeader?)?> (attempt) =>
        {
            var current = attempt > 1 ? await CampaignHeader.LoadAsync(db, actor, campaignId, ct)
                : first ?? await CampaignHeader.GetAsync(db, actor, campaignId, ct);
            if (current is null) return (ConsumptionResults.CampaignNotFound(campaignId), null);
            if (kind == CapacityKind.Learners && current.PricingModel != PricingModel.Iaas)
                return (ConsumptionResults.Mismatch("Learners can be enrolled only on iaas campaigns."), current);
            // Null: the campaign was relinked to another bundle, or usage changed under a refusal; decide again on fresh data.
            return await TryEnrollAsync(db, current, externalId, kind, requestedPools, fullResult, ct) is { } result ? (result, current) : null;
        });
    }

    /// <summary>
    /// One attempt. On SQLite it first runs with the other enrollments queued behind the writer gate, in one transaction
    /// (<see cref="SqliteWriteGroup"/>): an accepted enrollment is answered from there. Anything else (a refused
    /// counter, a re-enrollment), and every attempt on the other databases, is decided alone in its own transaction.
    /// The alert outbox row is written only for a pool whose new counter crosses into a higher band, decided from the
    /// counters the statements return. Null: the campaign was relinked, or the enrollment released, meanwhile.
    /// </summary>
    private async Task<ConsumptionResult?> TryEnrollAsync(CapacityDbContext db, CampaignHeader header, string externalId, CapacityKind kind,
        IReadOnlySet<Guid>? requestedPools, bool fullResult, CancellationToken ct)
    {
        var bands = await alerts.Bands.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        if (db.Provider == DatabaseProvider.Sqlite
            && await SqliteWriteGroup.RunAsync(db, async g => await StepAsync(g, header, externalId, kind, requestedPools, bands, now, CancellationToken.None)
                is Accepted accepted ? accepted : null) is { } grouped)
            return Answer(header, externalId, kind, now, grouped, fullResult);

        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        switch (await StepAsync(db, header, externalId, kind, requestedPools, bands, now, ct))
        {
            case Accepted accepted:
                await tx.CommitAsync(ct);
                return Answer(header, externalId, kind, now, accepted, fullResult);
            case Refused refused:
                return await RefusedAsync(db, tx, header, externalId, kind, refused.BundleFull, fullResult, ct);
            default:
                await tx.RollbackAsync(ct);
                return await ExistingAsync(db, header.Id, externalId, kind, fullResult, ct);
        }
    }

    private abstract record Step;

    /// <summary>Counted and inserted; <see cref="Requests"/>: the outbox rows written for the pools it pushed into a higher band.</summary>
    private sealed record Accepted(CampaignSnapshot Campaign, BundleSnapshot? Bundle, IReadOnlyList<PoolUsage> Pools, IReadOnlyList<PoolUsage> Crossed,
        IReadOnlyList<AlertEvaluationRequest> Requests) : Step;

    /// <summary>A counter UPDATE refused (the bundle's, or the campaign's); the bundle's may already be raised, so roll back.</summary>
    private sealed record Refused(bool BundleFull) : Step;

    /// <summary>Counted, but the id already holds an active enrollment: roll back, it is a re-enrollment.</summary>
    private sealed record AlreadyEnrolled : Step;

    /// <summary>
    /// The statements of one enrollment inside a transaction the caller owns: the bundle and campaign counters (bundle
    /// first, the global lock order), each a conditional UPDATE returning the row after the write, then the enrollment
    /// insert (the filtered unique index answers a re-enrollment: nothing inserted), then the outbox rows of a crossing.
    /// </summary>
    private static async Task<Step> StepAsync(CapacityDbContext db, CampaignHeader header, string externalId, CapacityKind kind,
        IReadOnlySet<Guid>? requestedPools, IReadOnlyList<AlertBand> bands, DateTimeOffset now, CancellationToken ct)
    {
        var bundleId = kind == CapacityKind.Volunteers ? header.BundleId : null;
        BundleSnapshot? bundle = null;
        if (bundleId is { } b && (bundle = await ConsumptionStatements.TryAddBundleAsync(db, b, 1, ct)) is null) return new Refused(BundleFull: true);
        CampaignSnapshot? added;
        bool inserted;
        if (db.Provider == DatabaseProvider.Postgres)
            (added, inserted) = await ConsumptionStatements.TryAddAndEnrollAsync(db, header.Id, kind, bundleId, externalId, now, ct);
        else
        {
            added = await ConsumptionStatements.TryAddAsync(db, header.Id, kind, bundleId, 1, ct);
            inserted = added is not null && await ConsumptionStatements.TryInsertEnrollmentAsync(db, kind, header.Id, externalId, now, ct) == 1;
        }
        if (added is not { } campaign) return new Refused(BundleFull: false);
        if (!inserted) return new AlreadyEnrolled();

        var pools = ConsumptionResults.Pools(campaign, bundle, kind);
        var crossed = BandCrossing.Crossed(pools, 1m, bands);
        // The alert-evaluation outbox row(s), committed with the consumption or not at all.
        var requests = AlertEvaluationRequest.AddForPools(db, crossed, now, requestedPools);
        if (requests.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new Accepted(campaign, bundle, pools, crossed, requests);
    }

    private static ConsumptionResult Answer(CampaignHeader header, string externalId, CapacityKind kind, DateTimeOffset now, Accepted accepted,
        bool fullResult)
    {
        if (!fullResult) return Decided(header.Id, existing: false, accepted.Requests, accepted.Crossed);
        return ConsumptionResults.Allowed(accepted.Campaign, accepted.Bundle, kind, existing: false) with
        {
            Pools = accepted.Pools,
            Enrollment = new EnrollmentView(externalId, EnrollmentStatus.Enrolled, now, null),
            AlertRequests = accepted.Requests,
            CrossedPools = accepted.Crossed,
        };
    }

    /// <summary>
    /// A refused counter UPDATE, answered in its transaction from one read of the campaign, its bundle and the
    /// id's active enrollment: an id already enrolled is a replay (existing); a campaign not accepting, or a
    /// limit reached, is the refusal; a relinked campaign or usage that fell meanwhile is decided again (null).
    /// A limit refusal rolls back (undoing a bundle counter already raised) and counts the refused demand
    /// (<see cref="RefusalCounter"/>) before it is answered.
    /// </summary>
    private async Task<ConsumptionResult?> RefusedAsync(CapacityDbContext db, IDbContextTransaction tx, CampaignHeader header, string externalId,
        CapacityKind kind, bool bundleFull, bool fullResult, CancellationToken ct)
    {
        var read = await ConsumptionStatements.ReadForRefusalAsync(db, header.Id, kind, externalId, ct);
        if (read is null || read.AlreadyDone || (kind == CapacityKind.Volunteers && read.Campaign.BundleId != header.BundleId)
            || !read.Campaign.AcceptsConsumption)
        {
            await tx.RollbackAsync(ct);
            if (read is null) return null; // Gone (campaigns are not deleted): the retry's header read answers not found.
            if (read.AlreadyDone) return await ExistingAsync(db, header.Id, externalId, kind, fullResult, ct);
            if (read.Campaign.AcceptsConsumption) return null; // Relinked.
            return ConsumptionResults.NotAccepting(read.Campaign, read.Bundle, kind, 1);
        }
        var (campaign, bundle) = (read.Campaign, read.Bundle);
        ConsumptionResult refusal;
        (PoolType Type, Guid Id, PoolMeasure Measure) pool;
        if (bundleFull && bundle is not null && bundle.VolunteersUsed + 1 > bundle.Capacity)
            (refusal, pool) = (ConsumptionResults.BundleFull(campaign, bundle, 1), (PoolType.Bundle, bundle.Id, PoolMeasure.Volunteers));
        else if (campaign.Measure.Allows(1))
        {
            await tx.RollbackAsync(ct); // Usage fell between the statements; try again.
            return null;
        }
        else (refusal, pool) = (ConsumptionResults.Exceeded(campaign, bundle, kind, 1), (PoolType.Campaign, campaign.Id, AlertPool.MeasureOf(kind)));
        await RefusalCounter.CountAsync(db, tx, clock, pool.Type, pool.Id, pool.Measure, ct);
        return refusal;
    }

    /// <summary>A re-enrollment of an active id: nothing counted; the enrollment and usage as they stand (null: released meanwhile, decide again).</summary>
    private static async Task<ConsumptionResult?> ExistingAsync(CapacityDbContext db, Guid campaignId, string externalId, CapacityKind kind,
        bool fullResult, CancellationToken ct)
    {
        var already = await FindActiveAsync(db, campaignId, externalId, kind, ct);
        if (already is null) return null;
        if (!fullResult) return Decided(campaignId, existing: true, [], []);
        // The campaign's current bundle (the header's may be a cached one from before a relink).
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var bundle = kind == CapacityKind.Volunteers && campaign.BundleId is { } b ? await db.Bundles.AsNoTracking().FirstAsync(x => x.Id == b, ct) : null;
        return ConsumptionResults.Allowed(campaign, bundle, kind, existing: true) with { Enrollment = already };
    }

    private async Task<Result<ConsumptionResult>> ReleaseAsync(CapacityDbContext db, Actor actor, Guid campaignId, string externalId, CapacityKind kind,
        CancellationToken ct)
    {
        return await RelinkRetry.UntilDecidedAsync(campaignId, "a release", async Task<Result<ConsumptionResult>?> (_) =>
        {
            var header = await CampaignHeader.LoadAsync(db, actor, campaignId, ct);
            if (header is null) return ConsumptionResults.CampaignNotFound(campaignId);
            if (kind == CapacityKind.Learners && header.PricingModel != PricingModel.Iaas)
                return ConsumptionResults.Mismatch("Learners are enrolled only on iaas campaigns.");
            return await TryReleaseAsync(db, header, externalId, kind, ct);
        });
    }

    private async Task<Result<ConsumptionResult>?> TryReleaseAsync(CapacityDbContext db, CampaignHeader header, string externalId, CapacityKind kind,
        CancellationToken ct)
    {
        var bundleId = kind == CapacityKind.Volunteers ? header.BundleId : null;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        // Same lock order as enrolling: bundle, campaign, enrollment row.
        if (bundleId is { } b) await CapacityCounters.LockBundleAsync(db, b, ct);
        var removed = kind == CapacityKind.Volunteers
            ? await CapacityCounters.RemoveVolunteersAsync(db, header.Id, bundleId, 1, ct)
            : await CapacityCounters.RemoveLearnersAsync(db, header.Id, 1, ct);
        if (removed == 0)
        {
            await tx.RollbackAsync(ct);
            var current = await db.Campaigns.AsNoTracking().Where(c => c.Id == header.Id).Select(c => new { c.BundleId }).FirstOrDefaultAsync(ct);
            if (current is null) return ConsumptionResults.CampaignNotFound(header.Id);
            if (kind == CapacityKind.Volunteers && current.BundleId != header.BundleId) return null;
            return EnrollmentNotFound(header.Id, externalId, kind);
        }

        var released = kind == CapacityKind.Volunteers
            ? await db.VolunteerEnrollments
                .Where(e => e.CampaignId == header.Id && e.ExternalId == externalId && e.Status == EnrollmentStatus.Enrolled)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Released).SetProperty(e => e.ReleasedAt, now), ct)
            : await db.LearnerEnrollments
                .Where(e => e.CampaignId == header.Id && e.ExternalId == externalId && e.Status == EnrollmentStatus.Enrolled)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Released).SetProperty(e => e.ReleasedAt, now), ct);
        if (released == 0)
        {
            await tx.RollbackAsync(ct);
            return EnrollmentNotFound(header.Id, externalId, kind);
        }

        // Read once: the campaign row is not written again below (only the bundle is).
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == header.Id, ct);
        // A closed campaign already gave its places back to the bundle when it closed.
        if (bundleId is { } bundle && campaign.Status != CampaignStatus.Closed) await CapacityCounters.AdjustBundleAsync(db, bundle, -1, ct);

        var bundleRow = bundleId is { } b2 ? await db.Bundles.AsNoTracking().FirstAsync(x => x.Id == b2, ct) : null;
        var enrollment = await FindLatestAsync(db, header.Id, externalId, kind, ct);
        await tx.CommitAsync(ct);
        return ConsumptionResults.Allowed(campaign, bundleRow, kind, existing: false) with { Enrollment = enrollment };
    }

    /// <summary>A bulk item's outcome without the rows read back: Allowed / Existing and the outbox rows it committed.</summary>
    private static ConsumptionResult Decided(Guid campaignId, bool existing, IReadOnlyList<AlertEvaluationRequest> requests,
        IReadOnlyList<PoolUsage> crossed) =>
        new(true, existing, 0m, CapacityBand.Normal, null, null) { CampaignId = campaignId, AlertRequests = requests, CrossedPools = crossed };

    /// <summary>The campaign's pools (and its current bundle's, for volunteers) as they stand now; empty when the campaign is gone.</summary>
    private static async Task<IReadOnlyList<PoolUsage>> PoolsAfterAsync(CapacityDbContext db, Guid campaignId, CapacityKind kind, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null) return [];
        var bundle = kind == CapacityKind.Volunteers && campaign.BundleId is { } b ? await db.Bundles.AsNoTracking().FirstAsync(x => x.Id == b, ct) : null;
        return ConsumptionResults.Pools(campaign, bundle, kind);
    }

    private static Task<EnrollmentView?> FindActiveAsync(CapacityDbContext db, Guid campaignId, string externalId, CapacityKind kind,
        CancellationToken ct) =>
        kind == CapacityKind.Volunteers
            ? db.VolunteerEnrollments.AsNoTracking()
                .Where(e => e.CampaignId == campaignId && e.ExternalId == externalId && e.Status == EnrollmentStatus.Enrolled)
                .Select(e => new EnrollmentView(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt)).FirstOrDefaultAsync(ct)
            : db.LearnerEnrollments.AsNoTracking()
                .Where(e => e.CampaignId == campaignId && e.ExternalId == externalId && e.Status == EnrollmentStatus.Enrolled)
                .Select(e => new EnrollmentView(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt)).FirstOrDefaultAsync(ct);

    /// <summary>The id's most recent enrollment in the campaign, active or released.</summary>
    internal static Task<EnrollmentView?> FindLatestAsync(CapacityDbContext db, Guid campaignId, string externalId, CapacityKind kind,
        CancellationToken ct) =>
        kind == CapacityKind.Volunteers
            ? db.VolunteerEnrollments.AsNoTracking()
                .Where(e => e.CampaignId == campaignId && e.ExternalId == externalId)
                .OrderBy(e => e.Status == EnrollmentStatus.Enrolled ? 0 : 1).ThenByDescending(e => e.EnrolledAt)
                .Select(e => new EnrollmentView(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt)).FirstOrDefaultAsync(ct)
            : db.LearnerEnrollments.AsNoTracking()
                .Where(e => e.CampaignId == campaignId && e.ExternalId == externalId)
                .OrderBy(e => e.Status == EnrollmentStatus.Enrolled ? 0 : 1).ThenByDescending(e => e.EnrolledAt)
                .Select(e => new EnrollmentView(e.ExternalId, e.Status, e.EnrolledAt, e.ReleasedAt)).FirstOrDefaultAsync(ct);

    private static DomainError EnrollmentNotFound(Guid campaignId, string externalId, CapacityKind kind) =>
        DomainError.NotFound(ErrorCodes.EnrollmentNotFound,
            $"{(kind == CapacityKind.Volunteers ? "Volunteer" : "Learner")} '{externalId}' is not enrolled in campaign {campaignId}.");

    internal static string? NormalizeId(string? id)
    {
        var trimmed = id?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > VolunteerEnrollment.ExternalIdMaxLength ? null : trimmed;
    }
}
