using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>What one dispatch run did.</summary>
public sealed record AlertDispatchResult(int Claimed, int Sent, int Retrying, int Failed)
{
    public override string ToString() => $"{Claimed} deliveries claimed: {Sent} sent, {Retrying} to retry, {Failed} failed";
}

/// <summary>
/// The outbox processor (job <c>alert-dispatch</c>). All state is in <c>AlertDeliveries</c>, so a run
/// picks up where the last one (or a crashed server) left off.
/// <para>
/// Each due delivery is claimed with one conditional UPDATE (state pending, due, and no live claim:
/// <c>ClaimedUntil</c> empty or past), which stamps a fresh claim token; 0 rows affected means another
/// dispatcher took it. Only the claimant sends. A successful send is recorded as sent in one
/// transaction with its attempt row, using no cancellation token: once the provider accepted a message
/// the fact is never dropped, and a sent delivery is never claimed again. A failure records the attempt
/// and its error and schedules the next attempt after an exponential backoff
/// (<see cref="AlertOptions.RetryBaseDelay"/> x 2^(attempts-1), at most <see cref="AlertOptions.RetryMaxDelay"/>);
/// the delivery is failed after <see cref="AlertOptions.MaxAttempts"/> attempts.
/// </para>
/// <para>
/// A send interrupted by cancellation is not counted and its claim is released at once. A server that
/// dies between the provider's acceptance and the "sent" commit leaves the delivery claimed until
/// <see cref="AlertOptions.ClaimTimeout"/>, after which it is sent again: the one window where a
/// duplicate is possible. <see cref="AlertEmail.DeliveryId"/> is stable across attempts so a provider
/// can use it as an idempotency key / Message-ID.
/// </para>
/// </summary>
public sealed class AlertDispatchService(IDbContextFactory<CapacityDbContext> contexts, IAlertMessageSender sender, TimeProvider clock,
    IOptions<AlertOptions> options, ILogger<AlertDispatchService> logger)
{
    /// <summary>
    /// Sends up to <paramref name="batchSize"/> due deliveries, one at a time. Cancellation stops the run
    /// between deliveries (throwing <see cref="OperationCanceledException"/>); what was sent stays recorded.
    /// </summary>
    public async Task<AlertDispatchResult> DispatchPendingAsync(string dispatcherId, int batchSize, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var o = options.Value;
        int claimed = 0, sent = 0, retrying = 0, failed = 0;
        var skipped = new HashSet<Guid>();

        await using var db = await contexts.CreateDbContextAsync(ct);
        while (claimed < batchSize)
        {
            ct.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            var candidates = await db.AlertDeliveries.AsNoTracking()
                .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
                .OrderBy(d => d.NextAttemptAt)
                .Select(d => d.Id)
                .Take(batchSize - claimed + skipped.Count)
                .ToListAsync(ct);
            candidates.RemoveAll(skipped.Contains);
            if (candidates.Count == 0) break;

            foreach (var id in candidates)
            {
                if (claimed >= batchSize) break;
                ct.ThrowIfCancellationRequested();
                var token = Guid.NewGuid();
                now = clock.GetUtcNow();
                var until = now + o.ClaimTimeout;
                var taken = await db.AlertDeliveries
                    .Where(d => d.Id == id && d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedBy, dispatcherId)
                        .SetProperty(d => d.ClaimedUntil, until), ct);
                skipped.Add(id);
                if (taken == 0) continue; // another dispatcher has it, or it was sent meanwhile
                claimed++;

                switch (await SendClaimedAsync(db, id, token, dispatcherId, o, ct))
                {
                    case DeliveryState.Sent: sent++; break;
                    case DeliveryState.Failed: failed++; break;
                    default: retrying++; break;
                }
            }
        }
        return new AlertDispatchResult(claimed, sent, retrying, failed);
    }

    /// <summary>Where the pool is heading as the email goes out (campaigns and bundles; level caps have no forecast).</summary>
    private async Task<string?> ProjectionAsync(CapacityDbContext db, Alert alert, CancellationToken ct)
    {
        if (alert.PoolType is not (Common.PoolType.Campaign or Common.PoolType.Bundle)) return null;
        var forecasts = await Forecasts.ForecastService.ForPoolsAsync(db, [new Forecasts.PoolRef(alert.PoolType, alert.PoolId)], clock.GetUtcNow(), ct);
        return forecasts.Count == 0 ? null : Forecasts.ForecastText.Sentence(forecasts[0]);
    }

    private async Task<DeliveryState> SendClaimedAsync(CapacityDbContext db, Guid deliveryId, Guid token, string dispatcherId, AlertOptions o,
        CancellationToken ct)
    {
        var row = await (
                from d in db.AlertDeliveries.AsNoTracking()
                join a in db.Alerts.AsNoTracking() on d.AlertId equals a.Id
                where d.Id == deliveryId
                select new { Delivery = d, Alert = a, CompanyName = db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault() })
            .FirstAsync(ct);
        var (delivery, alert) = (row.Delivery, row.Alert);
        var email = new AlertEmail(alert.Id, delivery.Id, delivery.Address!, WireNames.Of(delivery.Recipient),
            new AlertEmailModel(WireNames.Of(alert.PoolType), alert.PoolId, alert.PoolName, row.CompanyName, alert.Threshold ?? "",
                WireNames.Of(alert.Severity), WireNames.Of(alert.Action), alert.UtilizationPercent, alert.Message, alert.CreatedAt)
            {
                Projection = await ProjectionAsync(db, alert, ct),
            });
        var attempt = delivery.Attempts + 1;

        AlertSendResult answer;
        try
        {
            answer = await sender.SendAsync(email, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped mid-send: not an attempt. Release the claim so the next run can take it at once.
            await db.AlertDeliveries.Where(d => d.Id == deliveryId && d.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sending alert delivery {DeliveryId} threw.", delivery.Id);
            return await RecordFailureAsync(db, delivery, token, attempt, $"{e.GetType().Name}: {e.Message}", permanent: false, dispatcherId, o);
        }
        if (answer.Status != AlertSendStatus.Sent)
            return await RecordFailureAsync(db, delivery, token, attempt, answer.Error ?? answer.Status.ToString(),
                permanent: answer.Status == AlertSendStatus.Rejected, dispatcherId, o);
        await RecordSentAsync(db, deliveryId, attempt, dispatcherId, answer.ProviderMessageId);
        return DeliveryState.Sent;
    }

    /// <summary>Records a send the provider accepted. Not cancellable: a completed send must never be forgotten.</summary>
    private async Task RecordSentAsync(CapacityDbContext db, Guid deliveryId, int attempt, string dispatcherId, string? providerMessageId)
    {
        if (providerMessageId is { Length: > AlertDelivery.ProviderMessageIdMaxLength }) providerMessageId = providerMessageId[..AlertDelivery.ProviderMessageIdMaxLength];
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Keyed on the state, not on the claim token: even if our claim had expired, the send happened.
        var updated = await db.AlertDeliveries.Where(d => d.Id == deliveryId && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sent).SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.ProviderMessageId, providerMessageId)
                .SetProperty(d => d.Attempts, attempt).SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (updated == 0)
            logger.LogWarning("Delivery {DeliveryId} was sent by {Dispatcher} after its claim had expired and another dispatcher settled it.",
                deliveryId, dispatcherId);
        else
        {
            db.AlertDeliveryAttempts.Add(new AlertDeliveryAttempt(deliveryId, attempt, now, DeliveryAttemptOutcome.Sent, null, dispatcherId));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await tx.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    /// <summary>A failed attempt: retried after the backoff, or failed for good after the last attempt or a permanent rejection.</summary>
    private async Task<DeliveryState> RecordFailureAsync(CapacityDbContext db, AlertDelivery delivery, Guid token, int attempt, string error,
        bool permanent, string dispatcherId, AlertOptions o)
    {
        var now = clock.GetUtcNow();
        var message = error.Length > AlertDelivery.ErrorMaxLength ? error[..AlertDelivery.ErrorMaxLength] : error;
        var giveUp = permanent || attempt >= o.MaxAttempts;
        var state = giveUp ? DeliveryState.Failed : DeliveryState.Pending;
        var next = giveUp ? now : now + Backoff(attempt, o);
        logger.LogWarning("Alert delivery {DeliveryId} to {Address} failed (attempt {Attempt} of {Max}): {Error}{Outcome}.", delivery.Id, delivery.Address,
            attempt, o.MaxAttempts, message, giveUp ? (permanent ? "; rejected for good" : "; giving up") : $"; next attempt at {next:O}");

        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var updated = await db.AlertDeliveries.Where(d => d.Id == delivery.Id && d.ClaimToken == token && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, state).SetProperty(d => d.Attempts, attempt).SetProperty(d => d.LastError, message)
                .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (updated == 1)
        {
            db.AlertDeliveryAttempts.Add(new AlertDeliveryAttempt(delivery.Id, attempt, now, DeliveryAttemptOutcome.Failed, message, dispatcherId));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await tx.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return state;
    }

    /// <summary>base x 2^(attempts-1), capped: 30 s, 1 min, 2 min, 4 min, 8 min, ... at most the configured maximum.</summary>
    public static TimeSpan Backoff(int attempts, AlertOptions o)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min((double)o.RetryBaseDelay.Ticks * Math.Pow(2, exponent), o.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
