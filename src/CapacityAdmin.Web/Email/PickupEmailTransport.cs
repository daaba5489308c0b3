using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

/// <summary>Writes each message as an <c>.eml</c> file into <see cref="EmailOptions.PickupDirectory"/> (the default provider).</summary>
public sealed class PickupEmailTransport(IOptions<EmailOptions> options, ILogger<PickupEmailTransport> logger) : IEmailTransport
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = settings.PickupDirectory!;
        Directory.CreateDirectory(directory);
        using var mail = MailMessageFactory.Create(message, settings);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = directory,
        };
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException e)
        {
            return EmailSendResult.Failed($"Could not write the message to the pickup folder {directory}: {e.Message}", retryable: true);
        }
        logger.LogInformation("Email '{Subject}' to {To} written to {Directory}", message.Subject, message.To, directory);
        return EmailSendResult.Accepted();
    }
}
