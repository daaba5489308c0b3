using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// A stored alert: a threshold band a pool reached, or a company admin's request for more capacity.
/// Never deleted. Recipients are resolved when it is raised and kept as one <see cref="AlertDelivery"/>
/// per address (the outbox), or one per role that resolved to no address.
/// </summary>
public class Alert
{
    public const int PoolNameMaxLength = 300;
    public const int MessageMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int OwnerMaxLength = 200;
    public const int NotesMaxLength = 4000;
    public const int ActorMaxLength = 256;

    private readonly List<AlertDelivery> _deliveries = [];

    private Alert() { }

    private Alert(AlertKind kind, AlertPool pool, string? threshold, AlertSeverity severity, AlertAction action, AlertRecipients recipients,
        string message, string createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        PoolType = pool.PoolType;
        PoolId = pool.PoolId;
        Measure = pool.Measure;
        PoolName = Truncate(pool.PoolName, PoolNameMaxLength);
        CompanyId = pool.CompanyId;
        Threshold = threshold;
        Severity = severity;
        Action = action;
        Recipients = recipients;
        Used = pool.Used;
        Limit = pool.Limit;
        HardLimit = pool.HardLimit;
        UtilizationPercent = AlertPolicy.UtilizationPercent(pool.Used, pool.Limit);
        Message = Truncate(message, MessageMaxLength);
        CreatedBy = createdBy;
        CreatedAt = now;
        // Upsell items: the 80 % opportunities and every capacity request land in the sales list as "new".
        if (action is AlertAction.UpsellOpportunity or AlertAction.CapacityRequest) UpsellStatus = Alerts.UpsellStatus.New;
    }

    public Guid Id { get; private set; }
    public AlertKind Kind { get; private set; }
    public PoolType PoolType { get; private set; }
    public Guid PoolId { get; private set; }
    public PoolMeasure Measure { get; private set; }
    public string PoolName { get; private set; } = "";
    public Guid? CompanyId { get; private set; }

    /// <summary>"80%", "90%", "100%", "110%"; "forecast" on a forecast alert; null on a capacity request.</summary>
    public string? Threshold { get; private set; }

    public AlertSeverity Severity { get; private set; }
    public AlertAction Action { get; private set; }
    public AlertRecipients Recipients { get; private set; }
    public decimal Used { get; private set; }
    public decimal Limit { get; private set; }
    public decimal HardLimit { get; private set; }

    /// <summary>used / limit in percent at the moment it was raised, 2 places, half away from zero.</summary>
    public decimal UtilizationPercent { get; private set; }

    public string Message { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>"system" for evaluations; the requesting user for capacity requests.</summary>
    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgeReason { get; private set; }

    public DateTimeOffset? SnoozedUntil { get; private set; }
    public DateTimeOffset? SnoozedAt { get; private set; }
    public string? SnoozedBy { get; private set; }
    public string? SnoozeReason { get; private set; }

    /// <summary>Null unless this is an upsell item.</summary>
    public UpsellStatus? UpsellStatus { get; private set; }
    public string? UpsellOwner { get; private set; }
    public string? UpsellNotes { get; private set; }
    public string? UpsellUpdatedBy { get; private set; }
    public DateTimeOffset? UpsellUpdatedAt { get; private set; }

    public IReadOnlyList<AlertDelivery> Deliveries => _deliveries;

    internal static Alert Raise(AlertPool pool, AlertBand band, DateTimeOffset now) =>
        new(AlertKind.Threshold, pool, band.Threshold, band.Severity, band.Action, band.Recipients, AlertMessages.For(pool, band), "system", now);

    internal static Alert RaiseForecast(AlertPool pool, Forecasts.Forecast forecast, DateTimeOffset now) =>
        new(AlertKind.Forecast, pool, Forecasts.ForecastAlertPolicy.WindowKey, Forecasts.ForecastAlertPolicy.Severity,
            Forecasts.ForecastAlertPolicy.Action, Forecasts.ForecastAlertPolicy.Recipients, AlertMessages.ForForecast(pool, forecast), "system", now);

    internal static Alert CapacityRequest(AlertPool pool, string requestedBy, string? note, DateTimeOffset now) =>
        new(AlertKind.CapacityRequest, pool, null, AlertSeverity.Info, AlertAction.CapacityRequest, AlertRecipients.Sales,
            AlertMessages.ForRequest(pool, requestedBy, note), requestedBy, now);

    /// <summary>Adds the outbox rows: pending for an address, no_address for a role without one.</summary>
    internal void AddDeliveries(IEnumerable<ResolvedRecipient> recipients, DateTimeOffset now)
    {
        foreach (var r in recipients) _deliveries.Add(new AlertDelivery(Id, r.Role, r.Address, now));
    }

    public AlertStatus StatusAt(DateTimeOffset now) =>
        AcknowledgedAt is not null ? AlertStatus.Acknowledged : SnoozedUntil > now ? AlertStatus.Snoozed : AlertStatus.New;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>One recipient resolved at raise time: an address, or null when the role has none.</summary>
internal sealed record ResolvedRecipient(AlertRecipients Role, string? Address);
