namespace CapacityAdmin.Web.Email;

/// <summary>One message to one address, with an HTML and a plain-text part.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody);

/// <summary>Hands a message to the configured provider. Throws when it is refused or cannot be delivered.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A provider refused a message or could not be reached.</summary>
public sealed class EmailDeliveryException(string message, int? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status of an API provider's answer, when there was one.</summary>
    public int? StatusCode { get; } = statusCode;
}
