using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace CapacityAdmin.Web.Email;

/// <summary>Builds the MIME message both System.Net.Mail transports send: multipart/alternative, text/plain before text/html.</summary>
internal static class MailMessageFactory
{
    /// <summary>Traces a message back to its alert delivery (SendGrid gets the same id as a custom argument).</summary>
    public const string DeliveryIdHeader = "X-CapacityAdmin-Delivery-Id";

    public static MailMessage Create(EmailMessage message, EmailOptions options)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To));
        if (message.DeliveryId is { } deliveryId) mail.Headers.Add(DeliveryIdHeader, deliveryId);
        // No Body: the two views alone make the multipart/alternative, the last one (HTML) being the preferred part.
        mail.AlternateViews.Add(View(message.TextBody, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View(message.HtmlBody, MediaTypeNames.Text.Html));
        return mail;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        // Quoted-printable keeps an .eml file readable in a text editor.
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
