using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

/// <summary>
/// Sends through an SMTP relay with <see cref="SmtpClient"/> (one client per message: it is not thread-safe).
/// SendGrid's relay works too: host <c>smtp.sendgrid.net</c>, port 587, SSL on, user <c>apikey</c>, the API key as password.
/// </summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, ILogger<SmtpEmailTransport> logger) : IEmailTransport
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var mail = MailMessageFactory.Create(message, settings);
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.UseDefaultCredentials = false;
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException e)
        {
            // Retried like before: a relay's refusal is often temporary (greylisting, throttling, a relay restarting).
            return EmailSendResult.Failed(
                $"The SMTP server {smtp.Host}:{smtp.Port} did not accept the message ({e.StatusCode}): {e.Message}{Inner(e)}",
                retryable: true, (int)e.StatusCode);
        }
        logger.LogInformation("Email '{Subject}' to {To} sent through {Host}:{Port}", message.Subject, message.To, smtp.Host, smtp.Port);
        return EmailSendResult.Accepted();
    }

    private static string Inner(Exception e) => e.InnerException is { } inner ? $" ({inner.Message})" : "";
}
