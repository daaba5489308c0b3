using CapacityAdmin.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Jobs.Alerts;

/// <summary>
/// <c>alert-dispatch</c>: sends the due deliveries of the alert outbox (at most <c>Alerts:DispatchBatchSize</c> per run)
/// through the configured email provider. Failures are retried with backoff by later runs; a delivery is claimed in
/// the database before it is sent, so two servers never send the same one.
/// Each run first catches up the alert-evaluation outbox: consumptions whose evaluation was lost after their commit
/// (requests older than <c>Alerts:PendingEvaluationDelay</c>) are evaluated, so their alerts are raised (and sent in
/// the same run) within about 30 s.
/// </summary>
public sealed class AlertDispatchJob(AlertDispatchService dispatcher, AlertEvaluator evaluator, IOptions<AlertOptions> options) : ICapacityJob
{
    public const string Name = "alert-dispatch";
    public const string ConfigName = "AlertDispatch";

    /// <summary>This server process, as recorded on each delivery attempt.</summary>
    public static string DispatcherId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var caughtUp = await evaluator.ProcessPendingRequestsAsync(options.Value.PendingEvaluationDelay, ct: cancellationToken);
        var result = await dispatcher.DispatchPendingAsync(DispatcherId, options.Value.DispatchBatchSize, cancellationToken);
        var summary = $"sent {result.Sent}, retrying {result.Retrying}, failed {result.Failed}";
        return caughtUp.Requests == 0
            ? summary
            : $"{summary}; caught up {caughtUp.Requests} pending evaluations ({caughtUp.PoolsEvaluated} pools, {caughtUp.AlertsRaised} alerts)";
    }
}
