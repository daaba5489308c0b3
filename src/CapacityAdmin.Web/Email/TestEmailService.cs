using System.Net;
using System.Net.Mail;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

/// <summary>What a test email did: the provider used, where the message went, to whom, and the provider's message id if it gave one.</summary>
public sealed record TestEmailResult(EmailProvider Provider, string Destination, string To, string? ProviderMessageId);

/// <summary>Sends a short test message through the configured provider (the admin's "send test email" button).</summary>
public sealed class TestEmailService(IEmailTransport transport, IOptions<EmailOptions> options, TimeProvider time)
{
    public const string Subject = "[TEST] CapacityAdmin email delivery";

    /// <summary>The refusal code when the provider refused the message or could not be reached (the API answers 502).</summary>
    public const string DeliveryFailed = "EMAIL_DELIVERY_FAILED";

    /// <summary>
    /// The result of the send: the provider's acceptance, a <c>VALIDATION_FAILED</c> refusal for an invalid address
    /// (nothing sent), or <see cref="DeliveryFailed"/> with the provider's error.
    /// </summary>
    public async Task<Result<TestEmailResult>> SendTestAsync(Actor actor, string? to, CancellationToken cancellationToken = default)
    {
        if (actor.Refusal(Permission.Administer, "send test emails") is { } denied) return denied;
        if (!MailAddress.TryCreate(to?.Trim(), out var address))
            return DomainError.Validation("to", $"'{to}' is not a valid email address.");

        var settings = options.Value;
        var destination = settings.Provider switch
        {
            EmailProvider.Pickup => $"the folder {settings.PickupDirectory}",
            EmailProvider.Smtp => $"the SMTP server {settings.Smtp.Host}:{settings.Smtp.Port}",
            EmailProvider.SendGrid => $"SendGrid at {settings.SendGrid.BaseAddress}",
            _ => settings.Provider.ToString(),
        };
        var sentAt = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"""
            This is a test message from CapacityAdmin.

            Provider: {settings.Provider} ({destination})
            Sent at: {sentAt}
            Open CapacityAdmin: {settings.LinkBaseUrl}

            If you can read this, alert emails will reach {address.Address}.
            """.Replace("\n", "\r\n");
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><title>{WebUtility.HtmlEncode(Subject)}</title></head>
            <body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2933;">
            <h1 style="font-size:18px;">This is a test message from CapacityAdmin.</h1>
            <p>Provider: <strong>{settings.Provider}</strong> ({WebUtility.HtmlEncode(destination)})<br />Sent at: {sentAt}</p>
            <p><a href="{WebUtility.HtmlEncode(settings.LinkBaseUrl)}">Open CapacityAdmin</a></p>
            <p>If you can read this, alert emails will reach {WebUtility.HtmlEncode(address.Address)}.</p>
            </body></html>
            """;
        var sent = await transport.SendAsync(new EmailMessage(address.Address, Subject, html, text), cancellationToken);
        if (!sent.Sent)
            return new DomainError(ErrorKind.Conflict, DeliveryFailed, $"The email provider refused or could not be reached: {sent.Error}");
        return new TestEmailResult(settings.Provider, destination, address.Address, sent.ProviderMessageId);
    }
}
