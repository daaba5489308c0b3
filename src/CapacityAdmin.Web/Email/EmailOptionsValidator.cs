using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

/// <summary>Checks the <c>Email</c> section at start-up, with messages that name the key to set.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();

        if (!MailAddress.TryCreate(options.FromAddress, out _))
            failures.Add($"Email:FromAddress '{options.FromAddress}' is not a valid email address.");
        if (!IsHttpUrl(options.LinkBaseUrl))
            failures.Add($"Email:LinkBaseUrl (or App:BaseUrl) '{options.LinkBaseUrl}' must be an absolute http or https URL, e.g. https://capacity.example.org.");

        switch (options.Provider)
        {
            case EmailProvider.Pickup:
                if (string.IsNullOrWhiteSpace(options.PickupDirectory))
                    failures.Add("Email:PickupDirectory is required when Email:Provider is Pickup.");
                break;
            case EmailProvider.Smtp:
                var smtp = options.Smtp;
                if (string.IsNullOrWhiteSpace(smtp.Host))
                    failures.Add("Email:Smtp:Host is required when Email:Provider is Smtp (for SendGrid's relay: smtp.sendgrid.net, port 587, user 'apikey', the API key as password).");
                if (smtp.Port is < 1 or > 65535)
                    failures.Add($"Email:Smtp:Port {smtp.Port} is not a TCP port (1-65535).");
                if (!string.IsNullOrEmpty(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
                    failures.Add("Email:Smtp:Password is required when Email:Smtp:UserName is set (use user secrets or the environment variable Email__Smtp__Password).");
                if (smtp.TimeoutSeconds is < 1 or > 600)
                    failures.Add("Email:Smtp:TimeoutSeconds must be between 1 and 600.");
                break;
            case EmailProvider.SendGrid:
                var sendGrid = options.SendGrid;
                if (string.IsNullOrWhiteSpace(sendGrid.ApiKey))
                    failures.Add("Email:SendGrid:ApiKey is required when Email:Provider is SendGrid (use user secrets or the environment variable Email__SendGrid__ApiKey).");
                if (!IsHttpUrl(sendGrid.BaseAddress))
                    failures.Add($"Email:SendGrid:BaseAddress '{sendGrid.BaseAddress}' must be an absolute http or https URL (default {EmailOptions.SendGridSettings.DefaultBaseAddress}).");
                if (sendGrid.TimeoutSeconds is < 1 or > 600)
                    failures.Add("Email:SendGrid:TimeoutSeconds must be between 1 and 600.");
                break;
            default:
                failures.Add($"Email:Provider '{options.Provider}' is not one of Pickup, Smtp, SendGrid.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
