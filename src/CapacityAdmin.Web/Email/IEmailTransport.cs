namespace CapacityAdmin.Web.Email;

/// <summary>One message to one address, with an HTML and a plain-text part; <see cref="DeliveryId"/> traces it to its alert delivery.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, string? DeliveryId = null);

/// <summary>
/// How the provider answered: accepted (with its message id, when it gives one), or not, with the error and whether
/// trying again later can help (unreachable, throttled, server error) or not (a refusal of the message or the key).
/// </summary>
public sealed record EmailSendResult(bool Sent, string? ProviderMessageId, string? Error, bool Retryable, int? StatusCode)
{
    public static EmailSendResult Accepted(string? providerMessageId = null) => new(true, providerMessageId, null, false, null);

    public static EmailSendResult Failed(string error, bool retryable, int? statusCode = null) => new(false, null, error, retryable, statusCode);
}

/// <summary>Hands a message to the configured provider and reports its answer. Expected failures are results, not exceptions.</summary>
public interface IEmailTransport
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
