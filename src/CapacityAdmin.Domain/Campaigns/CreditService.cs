using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using CapacityAdmin.Domain.Forecasts;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Campaigns;

public sealed record CreditConsumption(decimal Amount, string? Activity = null, string? IdempotencyKey = null);

public sealed record CreditRefund(decimal Amount, string? Reason, string? IdempotencyKey = null);

/// <summary>
/// Consumes and refunds credits of credits campaigns. The ledger row and the conditional counter
/// UPDATE share one transaction; an idempotency key is unique per campaign in the database, so a key
/// seen before returns the first result and counts nothing, however many requests race.
/// A consumption (allowed or refused, not a replay or a refund) is evaluated for threshold alerts
/// right after its commit; the alerts raised come back in the result. An accepted consumption
/// commits an <see cref="AlertEvaluationRequest"/> with its ledger row (the outbox the catch-up reads).
/// </summary>
public sealed class CreditService(IDbContextFactory<CapacityDbContext> contexts, TimeProvider clock, AlertEvaluator alerts)
{
    public async Task<Result<ConsumptionResult>> ConsumeAsync(Actor actor, Guid campaignId, CreditConsumption request, CancellationToken ct = default)
    {
        // The evaluation after the commit uses the evaluator's own context (its failure never touches the consumption).
        await using var db = await contexts.CreateDbContextAsync(ct);
        var result = await RunAsync(db, actor, campaignId, request.Amount, request.Activity, request.IdempotencyKey, null, refund: false, ct);
        return result.IsSuccess ? await alerts.WithAlertsAsync(result.Value, ct) : result;
    }

    public async Task<Result<ConsumptionResult>> RefundAsync(Actor actor, Guid campaignId, CreditRefund request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RunAsync(db, actor, campaignId, request.Amount, null, request.IdempotencyKey, request.Reason, refund: true, ct);
    }

    private async Task<Result<ConsumptionResult>> RunAsync(CapacityDbContext db, Actor actor, Guid campaignId, decimal amount, string? activity,
        string? key, string? reason, bool refund, CancellationToken ct)
    {
        if (actor.Refusal(Permission.Consume, "consume capacity") is { } denied) return denied;
        activity = Trimmed(activity);
        key = Trimmed(key);
        reason = Trimmed(reason);
        if (Validate(amount, activity, key, reason, refund) is { } invalid) return invalid;
        var cents = Credits.ToCents(amount);
        var fingerprint = key is null ? null : CreditLedgerEntry.Fingerprint(refund, cents, activity, reason);

        var header = await CampaignHeader.GetAsync(db, actor, campaignId, ct);
        if (header is null) return ConsumptionResults.CampaignNotFound(campaignId);
        if (header.PricingModel != PricingModel.Credits)
            return ConsumptionResults.Mismatch("Credits can be consumed and refunded only on credits campaigns.");

        var bands = refund ? [] : await alerts.Bands.GetAsync(db, ct);
        var entry = new Entry(campaignId, cents, activity, key, reason, refund, actor.Name, clock.GetUtcNow());
        // On SQLite an accepted consumption or refund is written with the others queued behind the writer gate
        // (SqliteWriteGroup); anything else, and every call elsewhere, is decided alone in its own transaction.
        if (db.Provider == DatabaseProvider.Sqlite
            && await SqliteWriteGroup.RunAsync(db, async g => await StepAsync(g, entry, bands, CancellationToken.None) as Accepted) is { } grouped)
            return Answer(grouped);

        // One connection for the rest of the call (transaction, refusal and replay reads).
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        switch (await StepAsync(db, entry, bands, ct))
        {
            case Accepted accepted:
                await tx.CommitAsync(ct);
                return Answer(accepted);
            case Refused:
                return await RefusedAsync(db, tx, campaignId, cents, key, fingerprint, refund, ct);
            default:
                // The idempotency key's unique index decided a replay (or a racing twin): nothing inserted, our count rolls back.
                await tx.RollbackAsync(ct);
                return await ReplayOrReusedAsync(db, campaignId, key!, fingerprint!, ct);
        }
    }

    /// <summary>One consumption or refund, as asked: <see cref="Cents"/> is the positive amount.</summary>
    private sealed record Entry(Guid CampaignId, long Cents, string? Activity, string? Key, string? Reason, bool Refund, string By, DateTimeOffset At);

    private abstract record Step;

    private sealed record Accepted(CampaignSnapshot Campaign, CreditLedgerEntry Entry, IReadOnlyList<PoolUsage> Pools, IReadOnlyList<PoolUsage> Crossed,
        IReadOnlyList<AlertEvaluationRequest> Requests) : Step;

    /// <summary>The counter UPDATE refused: a limit, the campaign's status, or a refund beyond what was consumed.</summary>
    private sealed record Refused : Step;

    /// <summary>Counted, but the idempotency key was used before: roll back, it is a replay or a reuse.</summary>
    private sealed record KeyUsed : Step;

    /// <summary>
    /// The statements of one consumption or refund inside a transaction the caller owns: the conditional counter UPDATE
    /// (returning the campaign after the write), the ledger row (its key's unique index answers a replay: nothing
    /// inserted), and the outbox row of a consumption that pushes usage into a higher band (a refund only lowers it).
    /// </summary>
    private static async Task<Step> StepAsync(CapacityDbContext db, Entry e, IReadOnlyList<AlertBand> bands, CancellationToken ct)
    {
        var campaign = e.Refund
            ? await ConsumptionStatements.TryRefundCreditsAsync(db, e.CampaignId, e.Cents, ct)
            : await ConsumptionStatements.TryAddAsync(db, e.CampaignId, CapacityKind.Credits, null, e.Cents, ct);
        if (campaign is null) return new Refused();

        var entry = new CreditLedgerEntry(e.CampaignId, e.Refund ? -e.Cents : e.Cents, e.Activity, e.Key, e.Reason, campaign.Measure.Used, e.By, e.At);
        if (await ConsumptionStatements.TryInsertLedgerEntryAsync(db, entry, ct) == 0) return new KeyUsed();
        var pools = ConsumptionResults.Pools(campaign, null, CapacityKind.Credits);
        var crossed = e.Refund ? [] : BandCrossing.Crossed(pools, Credits.FromCents(e.Cents), bands);
        var requests = AlertEvaluationRequest.AddForPools(db, crossed, e.At);
        if (requests.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new Accepted(campaign, entry, pools, crossed, requests);
    }

    private static ConsumptionResult Answer(Accepted a) =>
        ConsumptionResults.Allowed(a.Campaign, null, CapacityKind.Credits, existing: false) with
        {
            Pools = a.Pools, LedgerEntry = View(a.Entry), AlertRequests = a.Requests, CrossedPools = a.Crossed,
        };

    /// <summary>
    /// A refused UPDATE, answered in its transaction from one read of the campaign and of the key: a key used
    /// before replays its first result (or is a reuse); a refund beyond what was consumed is invalid; a campaign
    /// not accepting, or the hard limit, is the refusal, and the latter counts the refused demand (<see cref="RefusalCounter"/>).
    /// </summary>
    private async Task<Result<ConsumptionResult>> RefusedAsync(CapacityDbContext db, IDbContextTransaction tx, Guid campaignId, long cents,
        string? key, string? fingerprint, bool refund, CancellationToken ct)
    {
        var read = await ConsumptionStatements.ReadForRefusalAsync(db, campaignId, CapacityKind.Credits, key, ct);
        if (read is null || read.AlreadyDone || refund || !read.Campaign.AcceptsConsumption)
        {
            await tx.RollbackAsync(ct);
            if (read is null) return ConsumptionResults.CampaignNotFound(campaignId);
            // A replay of a key whose first request used up the credits is still its first result.
            if (read.AlreadyDone) return await ReplayOrReusedAsync(db, campaignId, key!, fingerprint!, ct);
            if (refund)
                return DomainError.Validation("amount",
                    FormattableString.Invariant($"A refund cannot exceed the credits consumed ({read.Campaign.Measure.ToWhole(read.Campaign.Measure.Used):0.00})."));
            return ConsumptionResults.NotAccepting(read.Campaign, null, CapacityKind.Credits, cents);
        }
        await RefusalCounter.CountAsync(db, tx, clock, PoolType.Campaign, campaignId, PoolMeasure.Credits, ct);
        return ConsumptionResults.Exceeded(read.Campaign, null, CapacityKind.Credits, cents);
    }

    private static async Task<Result<ConsumptionResult>> ReplayOrReusedAsync(CapacityDbContext db, Guid campaignId, string key, string fingerprint,
        CancellationToken ct)
    {
        var earlier = await FindByKeyAsync(db, campaignId, key, ct)
            ?? throw new InvalidOperationException("The idempotency key clashed but no entry holds it.");
        return earlier.IsSameRequest(fingerprint) ? await ReplayAsync(db, campaignId, earlier, ct) : KeyReused(key);
    }

    /// <summary>The first result of a key: its utilization as recorded with the entry, against the current allocation.</summary>
    private static async Task<ConsumptionResult> ReplayAsync(CapacityDbContext db, Guid campaignId, CreditLedgerEntry first, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var then = campaign.CreditUsage.With(first.ConsumedAfterCents);
        var current = ConsumptionResults.Allowed(campaign, null, CapacityKind.Credits, existing: true);
        return current with
        {
            NewUtilization = CapacityPolicy.RoundRatio(then.Utilization),
            Band = then.Band,
            Reason = then.Used > then.Limit && then.Limit > 0 ? $"Overage allowed, max {CapacityPolicy.MaxPercentLabel(campaign.OveragePercent)}." : null,
            LedgerEntry = View(first),
        };
    }

    /// <summary>api-v1.md "Idempotency keys": another payload or operation under a used key changes nothing.</summary>
    private static DomainError KeyReused(string key) => DomainError.Conflict(ErrorCodes.IdempotencyKeyReused,
        $"The idempotency key '{key}' was already used for a different request on this campaign; use a new key for a new request.");

    private static Task<CreditLedgerEntry?> FindByKeyAsync(CapacityDbContext db, Guid campaignId, string key, CancellationToken ct) =>
        db.CreditLedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.CampaignId == campaignId && e.IdempotencyKey == key, ct);

    internal static CreditLedgerEntryView View(CreditLedgerEntry e) =>
        new(e.Id, e.Amount, e.Activity, e.IdempotencyKey, e.Reason, Credits.FromCents(e.ConsumedAfterCents), e.CreatedBy, e.CreatedAt);

    private static DomainError? Validate(decimal amount, string? activity, string? key, string? reason, bool refund)
    {
        var errors = new Dictionary<string, string[]>();
        if (amount <= 0 || amount > Credits.MaxAmount || !Credits.HasAtMostTwoDecimals(amount))
            errors["amount"] = ["An amount is above 0, at most 10^12, with at most 2 decimals."];
        if (activity?.Length > CreditLedgerEntry.ActivityMaxLength)
            errors["activity"] = [$"An activity has at most {CreditLedgerEntry.ActivityMaxLength} characters."];
        if (key?.Length > CreditLedgerEntry.IdempotencyKeyMaxLength)
            errors["idempotencyKey"] = [$"An idempotency key has at most {CreditLedgerEntry.IdempotencyKeyMaxLength} characters."];
        if (refund && reason is null) errors["reason"] = ["A refund needs a reason."];
        if (reason?.Length > CreditLedgerEntry.ReasonMaxLength)
            errors["reason"] = [$"A reason has at most {CreditLedgerEntry.ReasonMaxLength} characters."];
        return errors.Count == 0 ? null : DomainError.Validation("The credit request is invalid.", errors);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
