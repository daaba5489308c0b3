namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// The outbox row of one alert to one address. Its state lives in the database, so dispatch
/// resumes after a restart; it is claimed by one dispatcher at a time (<see cref="ClaimToken"/>
/// until <see cref="ClaimedUntil"/>) and a sent delivery is never claimed again.
/// </summary>
public class AlertDelivery
{
    public const int AddressMaxLength = 320;
    public const int ErrorMaxLength = 2000;
    public const int DispatcherMaxLength = 200;
    public const int ProviderMessageIdMaxLength = 200;

    private readonly List<AlertDeliveryAttempt> _attemptHistory = [];

    private AlertDelivery() { }

    internal AlertDelivery(Guid alertId, AlertRecipients recipient, string? address, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AlertId = alertId;
        Recipient = recipient;
        Address = address;
        State = address is null ? DeliveryState.NoAddress : DeliveryState.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AlertId { get; private set; }

    /// <summary>Exactly one role: Sales, CompanyAdmin or CustomerSuccess.</summary>
    public AlertRecipients Recipient { get; private set; }

    public string? Address { get; private set; }
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>When a pending delivery is next due (creation, then the backoff after each failure).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The provider's id of the sent message (SendGrid's <c>X-Message-Id</c>), when it reports one.</summary>
    public string? ProviderMessageId { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<AlertDeliveryAttempt> AttemptHistory => _attemptHistory;
}

public enum DeliveryAttemptOutcome
{
    Sent,
    Failed,
}

/// <summary>One call to the message sender for one delivery, as it happened. Never deleted.</summary>
public class AlertDeliveryAttempt
{
    private AlertDeliveryAttempt() { }

    internal AlertDeliveryAttempt(Guid deliveryId, int number, DateTimeOffset at, DeliveryAttemptOutcome outcome, string? error, string dispatcherId)
    {
        Id = Guid.NewGuid();
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        Outcome = outcome;
        Error = error is { Length: > AlertDelivery.ErrorMaxLength } ? error[..AlertDelivery.ErrorMaxLength] : error;
        DispatcherId = dispatcherId.Length > AlertDelivery.DispatcherMaxLength ? dispatcherId[..AlertDelivery.DispatcherMaxLength] : dispatcherId;
    }

    public Guid Id { get; private set; }
    public Guid DeliveryId { get; private set; }

    /// <summary>1 for the first attempt of the delivery.</summary>
    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }
    public DeliveryAttemptOutcome Outcome { get; private set; }
    public string? Error { get; private set; }
    public string DispatcherId { get; private set; } = "";
}
