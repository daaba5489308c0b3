namespace CapacityAdmin.Domain.Alerts;

/// <summary>What an alert email says; rendered to HTML and plain text by the web host.</summary>
public sealed record AlertEmailModel(
    string PoolType,
    Guid PoolId,
    string PoolName,
    string? CompanyName,
    string Threshold,
    string Severity,
    string Action,
    decimal UtilizationPercent,
    string Message,
    DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The pool's projection when the email is sent, in the words of <see cref="Forecasts.ForecastText.Sentence"/> ("At the current pace
    /// this campaign reaches its hard limit on 20 Dec, 11 days before it ends (31 Dec)."); null for a level cap.
    /// </summary>
    public string? Projection { get; init; }
}

/// <summary>One delivery of one alert to one address.</summary>
public sealed record AlertEmail(Guid AlertId, Guid DeliveryId, string ToAddress, string RecipientRole, AlertEmailModel Model);

/// <summary>How a provider answered one send.</summary>
public enum AlertSendStatus
{
    /// <summary>Accepted for delivery.</summary>
    Sent,

    /// <summary>Not accepted this time (provider unreachable, throttled, server error): try again after the backoff.</summary>
    RetryLater,

    /// <summary>Refused for good (bad request, wrong key, unverified sender): retrying cannot help.</summary>
    Rejected,
}

/// <summary>The outcome of one send; <see cref="ProviderMessageId"/> is the provider's id of an accepted message, if it gives one.</summary>
public sealed record AlertSendResult(AlertSendStatus Status, string? ProviderMessageId = null, string? Error = null)
{
    public static AlertSendResult Sent(string? providerMessageId) => new(AlertSendStatus.Sent, providerMessageId);

    public static AlertSendResult RetryLater(string error) => new(AlertSendStatus.RetryLater, Error: error);

    public static AlertSendResult Rejected(string error) => new(AlertSendStatus.Rejected, Error: error);
}

/// <summary>
/// Sends one alert email (renders and hands it to the configured provider) and says how the provider answered. The
/// dispatcher records the answer: sent, retried with backoff, or failed at once when the provider rejected it for good.
/// An exception is treated like <see cref="AlertSendStatus.RetryLater"/>.
/// </summary>
public interface IAlertMessageSender
{
    Task<AlertSendResult> SendAsync(AlertEmail email, CancellationToken cancellationToken);
}
