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

/// <summary>
/// Sends one alert email (renders and hands it to the configured provider). Throws when the provider
/// refuses or cannot be reached; the dispatcher records the error and retries with backoff.
/// </summary>
public interface IAlertMessageSender
{
    Task SendAsync(AlertEmail email, CancellationToken cancellationToken);
}
