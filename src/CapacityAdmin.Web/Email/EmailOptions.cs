using System.Text.Json.Serialization;
using System.ComponentModel.DataAnnotations;

namespace CapacityAdmin.Web.Email;

/// <summary>Which provider delivers the emails (<c>Email:Provider</c>).</summary>
public enum EmailProvider
{
    /// <summary>Each message is written as an <c>.eml</c> file into <see cref="EmailOptions.PickupDirectory"/>: works with nothing installed.</summary>
    [JsonStringEnumMemberName("Pickup")]
    Pickup,

    /// <summary>Any SMTP relay (SendGrid's included: <c>smtp.sendgrid.net</c>, user <c>apikey</c>).</summary>
    [JsonStringEnumMemberName("Smtp")]
    Smtp,

    /// <summary>The SendGrid v3 mail send API through the SendGrid SDK.</summary>
    [JsonStringEnumMemberName("SendGrid")]
    SendGrid,
}

/// <summary>
/// The <c>Email</c> configuration section. Secrets (SMTP password, SendGrid key) come only from configuration:
/// user secrets or environment variables (<c>Email__SendGrid__ApiKey</c>), never from a checked-in file.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";
    public const string DefaultLinkBaseUrl = "http://127.0.0.1:5080";

    public EmailProvider Provider { get; set; } = EmailProvider.Pickup;

    public string FromAddress { get; set; } = "alerts@capacityadmin.local";

    public string FromName { get; set; } = "CapacityAdmin";

    /// <summary>Folder for <c>.eml</c> files; relative paths are taken from the data folder. Default <c>&lt;data folder&gt;/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Base of the links in the messages; falls back to <c>App:BaseUrl</c>, then <see cref="DefaultLinkBaseUrl"/>.</summary>
    public string? LinkBaseUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public SendGridSettings SendGrid { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>STARTTLS (System.Net.Mail has no implicit TLS on 465).</summary>
        public bool EnableSsl { get; set; } = true;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        [Range(1, 600)]
        public int TimeoutSeconds { get; set; } = 30;
    }

    public sealed class SendGridSettings
    {
        public const string DefaultBaseAddress = "https://api.sendgrid.com/";

        public string? ApiKey { get; set; }

        /// <summary>The SDK's <c>SendGridClientOptions.Host</c> (a local fake in tests).</summary>
        public string BaseAddress { get; set; } = DefaultBaseAddress;

        public int TimeoutSeconds { get; set; } = 30;
    }
}
