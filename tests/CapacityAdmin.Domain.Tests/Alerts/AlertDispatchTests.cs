using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Tests.Alerts;

/// <summary>The outbox: claims, retries with backoff, restarts, and never a delivery sent twice.</summary>
public class AlertDispatchTests() : AlertTest(new SqliteTestDatabase())
{
    [Fact]
    public async Task Dispatch_PendingDeliveries_SentOnceWithAttemptRecorded()
    {
        // Arrange: one info alert to two Sales users.
        await AddUserAsync(Roles.Sales);
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        var sender = new TestAlertSender();
        Clock.Advance(TimeSpan.FromSeconds(5));

        // Act
        var run = await Dispatcher(sender).DispatchPendingAsync("node-a", 50);
        var again = await Dispatcher(sender).DispatchPendingAsync("node-a", 50);

        // Assert
        Assert.Equal((2, 2, 0, 0), (run.Claimed, run.Sent, run.Retrying, run.Failed));
        Assert.Equal(0, again.Claimed);
        Assert.Equal(2, sender.Calls);
        var email = sender.Sent.First();
        Assert.Equal(("sales", "info", "upsell_opportunity", "80%", "campaign"),
            (email.RecipientRole, email.Model.Severity, email.Model.Action, email.Model.Threshold, email.Model.PoolType));
        Assert.Equal(85.00m, email.Model.UtilizationPercent);
        Assert.NotNull(email.Model.CompanyName);
        var deliveries = await DeliveriesAsync([alert.Id]);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(DeliveryState.Sent, d.State);
            Assert.Equal(1, d.Attempts);
            Assert.Equal(Clock.GetUtcNow(), d.SentAt);
            Assert.Null(d.ClaimToken);
            var attempt = Assert.Single(d.AttemptHistory);
            Assert.Equal((1, DeliveryAttemptOutcome.Sent, (string?)null, "node-a"), (attempt.Number, attempt.Outcome, attempt.Error, attempt.DispatcherId));
        });
    }

    [Fact]
    public async Task Dispatch_StoppedMidBatchAndRestarted_EveryDeliverySentExactlyOnce()
    {
        // Arrange: 12 deliveries (6 alerts x 2 Sales addresses); the first run is stopped after its 5th send.
        AlertOptions.SalesMailbox = "sales@example.test";
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alerts = await RaiseInfoAlertsAsync(company, 6);
        var sender = new TestAlertSender();
        using var stop = new CancellationTokenSource();
        sender.AfterSend = sent => { if (sent == 5) stop.Cancel(); };

        // Act: the first dispatcher stops mid-batch; a new instance ("after the restart") carries on with small batches.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(sender).DispatchPendingAsync("node-a", 100, stop.Token));
        var afterStop = await DeliveriesAsync(alerts.Select(a => a.Id));
        var second = await Dispatcher(sender).DispatchPendingAsync("node-a-restarted", 4);
        var third = await Dispatcher(sender).DispatchPendingAsync("node-a-restarted", 4);
        var fourth = await Dispatcher(sender).DispatchPendingAsync("node-a-restarted", 4);

        // Assert
        Assert.Equal(5, afterStop.Count(d => d.State == DeliveryState.Sent));
        Assert.Equal((4, 3, 0), (second.Sent, third.Sent, fourth.Claimed));
        Assert.Equal(12, sender.Calls);
        Assert.Equal(12, sender.SendsPerDelivery.Count);
        Assert.All(sender.SendsPerDelivery.Values, n => Assert.Equal(1, n));
        Assert.All(await DeliveriesAsync(alerts.Select(a => a.Id)), d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task Dispatch_CancelledDuringSend_NotCountedAndSentByTheNextRun()
    {
        // Arrange: the sender is slow and honours the token; the run is cancelled while it sends.
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        using var stop = new CancellationTokenSource();
        var sender = new TestAlertSender
        {
            Before = async (_, token) =>
            {
                await stop.CancelAsync();
                token.ThrowIfCancellationRequested();
                await Task.CompletedTask;
            },
        };

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(sender).DispatchPendingAsync("node-a", 10, stop.Token));
        var interrupted = Assert.Single(await DeliveriesAsync([alert.Id]));
        sender.Before = null;
        var next = await Dispatcher(sender).DispatchPendingAsync("node-b", 10);

        // Assert: no attempt counted, claim released at once, then sent.
        Assert.Equal((DeliveryState.Pending, 0, (Guid?)null), (interrupted.State, interrupted.Attempts, interrupted.ClaimToken));
        Assert.Empty(interrupted.AttemptHistory);
        Assert.Equal(1, next.Sent);
        Assert.Equal(1, Assert.Single(sender.SendsPerDelivery.Values));
    }

    [Fact]
    public async Task Dispatch_FailingSender_RecordsErrorsAndRetriesAfterBackoff()
    {
        // Arrange: the provider fails twice, then accepts.
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        var sender = new TestAlertSender { Fail = (_, call) => call <= 2 ? new InvalidOperationException($"SMTP 451 try later ({call})") : null };
        var start = Clock.GetUtcNow();

        // Act / Assert: attempt 1 fails, next attempt in 30 s.
        Assert.Equal(1, (await Dispatcher(sender).DispatchPendingAsync("node-a", 10)).Retrying);
        var afterFirst = Assert.Single(await DeliveriesAsync([alert.Id]));
        Assert.Equal((DeliveryState.Pending, 1, start.AddSeconds(30)), (afterFirst.State, afterFirst.Attempts, afterFirst.NextAttemptAt));
        Assert.Equal("InvalidOperationException: SMTP 451 try later (1)", afterFirst.LastError);

        // Not due before the backoff has passed.
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, (await Dispatcher(sender).DispatchPendingAsync("node-a", 10)).Claimed);

        // Attempt 2 fails: the delay doubles to 60 s.
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await Dispatcher(sender).DispatchPendingAsync("node-a", 10)).Retrying);
        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, (await Dispatcher(sender).DispatchPendingAsync("node-a", 10)).Claimed);

        // Attempt 3 succeeds.
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await Dispatcher(sender).DispatchPendingAsync("node-a", 10)).Sent);
        var delivery = Assert.Single(await DeliveriesAsync([alert.Id]));
        Assert.Equal((DeliveryState.Sent, 3), (delivery.State, delivery.Attempts));
        Assert.Equal(
            [(1, DeliveryAttemptOutcome.Failed, "InvalidOperationException: SMTP 451 try later (1)"),
             (2, DeliveryAttemptOutcome.Failed, "InvalidOperationException: SMTP 451 try later (2)"),
             (3, DeliveryAttemptOutcome.Sent, null)],
            delivery.AttemptHistory.OrderBy(a => a.Number).Select(a => (a.Number, a.Outcome, a.Error)).ToArray());
        Assert.Equal(3, sender.Calls);
    }

    [Fact]
    public async Task Dispatch_ReachingMaxAttempts_MarksFailedAndStopsTrying()
    {
        // Arrange
        AlertOptions.MaxAttempts = 3;
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        var sender = new TestAlertSender { Fail = (_, _) => new HttpRequestException("connection refused") };

        // Act: three attempts, each once the backoff has passed.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, (await Dispatcher(sender).DispatchPendingAsync("node-a", 10)).Claimed);
            Clock.Advance(TimeSpan.FromHours(1));
        }
        var afterwards = await Dispatcher(sender).DispatchPendingAsync("node-a", 10);

        // Assert
        Assert.Equal(0, afterwards.Claimed);
        var delivery = Assert.Single(await DeliveriesAsync([alert.Id]));
        Assert.Equal((DeliveryState.Failed, 3, "HttpRequestException: connection refused"), (delivery.State, delivery.Attempts, delivery.LastError));
        Assert.Equal(3, delivery.AttemptHistory.Count);
        Assert.All(delivery.AttemptHistory, a => Assert.Equal(DeliveryAttemptOutcome.Failed, a.Outcome));
        Assert.Equal(3, sender.Calls);
        var view = Ok(await AlertService.GetAsync(Admin, alert.Id));
        Assert.Equal(DeliveryState.Failed, Assert.Single(view.Deliveries).State);
    }

    [Fact]
    public async Task Dispatch_NoAddressDeliveries_AreNeverSent()
    {
        // Arrange: no Sales user, no mailbox.
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        var sender = new TestAlertSender();

        // Act
        var run = await Dispatcher(sender).DispatchPendingAsync("node-a", 10);

        // Assert
        Assert.Equal(0, run.Claimed);
        Assert.Equal(0, sender.Calls);
        Assert.Equal(DeliveryState.NoAddress, Assert.Single(await DeliveriesAsync([alert.Id])).State);
    }

    [Fact]
    public async Task Dispatch_ClaimOfACrashedDispatcher_IsTakenOverAfterTheClaimTimeout()
    {
        // Arrange: a dispatcher claimed the delivery and died before sending.
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        var alert = Assert.Single(await RaiseInfoAlertsAsync(company, 1));
        var until = Clock.GetUtcNow() + AlertOptions.ClaimTimeout;
        await using (var db = Database.CreateDbContext())
            await db.AlertDeliveries.Where(d => d.AlertId == alert.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimToken, Guid.NewGuid()).SetProperty(d => d.ClaimedBy, "crashed-node").SetProperty(d => d.ClaimedUntil, until));
        var sender = new TestAlertSender();

        // Act / Assert
        Assert.Equal(0, (await Dispatcher(sender).DispatchPendingAsync("node-b", 10)).Claimed);
        Clock.Advance(AlertOptions.ClaimTimeout);
        Assert.Equal(1, (await Dispatcher(sender).DispatchPendingAsync("node-b", 10)).Sent);
        Assert.Equal("node-b", Assert.Single(Assert.Single(await DeliveriesAsync([alert.Id])).AttemptHistory).DispatcherId);
    }

    [Fact]
    public async Task Dispatch_BatchSize_LimitsOneRun()
    {
        // Arrange
        await AddUserAsync(Roles.Sales);
        var company = await NewCompanyAsync();
        await RaiseInfoAlertsAsync(company, 5);
        var sender = new TestAlertSender();

        // Act
        var run = await Dispatcher(sender).DispatchPendingAsync("node-a", 3);

        // Assert
        Assert.Equal((3, 3), (run.Claimed, sender.Calls));
    }
}
