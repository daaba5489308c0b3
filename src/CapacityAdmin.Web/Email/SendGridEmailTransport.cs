using System.Text.Json;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CapacityAdmin.Web.Email;

/// <summary>
/// The SendGrid v3 mail send API through the SendGrid SDK (<see cref="SendGridClient"/>) over a named
/// <see cref="HttpClient"/> (timeout <c>Email:SendGrid:TimeoutSeconds</c>); <c>Email:SendGrid:BaseAddress</c> is the SDK's
/// <see cref="SendGridClientOptions.Host"/>. 2xx (202) is sent, with SendGrid's <c>X-Message-Id</c>; 429 and 5xx and an
/// unreachable or silent host are worth retrying; any other 4xx (400 bad message, 401 wrong key, 403 unverified sender)
/// is a rejection. The alert delivery id goes along as the custom argument <c>delivery_id</c>, so SendGrid's activity
/// and event webhooks lead back to the delivery. The SDK's own retries stay off: the alert outbox retries with backoff.
/// </summary>
public sealed class SendGridEmailTransport(IHttpClientFactory httpClients, IOptions<EmailOptions> options, ILogger<SendGridEmailTransport> logger) : IEmailTransport
{
    public const string HttpClientName = "SendGrid";
    public const string DeliveryIdArgument = "delivery_id";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var host = settings.SendGrid.BaseAddress.TrimEnd('/');
        var http = httpClients.CreateClient(HttpClientName);
        var client = new SendGridClient(http, new SendGridClientOptions { ApiKey = settings.SendGrid.ApiKey, Host = host });

        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromAddress, string.IsNullOrWhiteSpace(settings.FromName) ? null : settings.FromName),
            Subject = message.Subject,
            // The SDK writes text/plain before text/html, as the API requires.
            PlainTextContent = message.TextBody,
            HtmlContent = message.HtmlBody,
        };
        mail.AddTo(new EmailAddress(message.To));
        if (message.DeliveryId is { } deliveryId) mail.AddCustomArg(DeliveryIdArgument, deliveryId);

        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return EmailSendResult.Failed($"SendGrid at {host} could not be reached: {e.Message}", retryable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return EmailSendResult.Failed($"SendGrid at {host} did not answer within {http.Timeout.TotalSeconds:0} s.", retryable: true);
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var id = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
            logger.LogInformation("Email '{Subject}' to {To} accepted by SendGrid ({Status}), message id {MessageId}",
                message.Subject, message.To, status, id ?? "(none)");
            return EmailSendResult.Accepted(id);
        }
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        return EmailSendResult.Failed($"SendGrid refused the message: {status} {response.StatusCode}: {ErrorText(body)}",
            retryable: status == 429 || status >= 500, status);
    }

    /// <summary>The messages of SendGrid's <c>{"errors":[{"message","field"}]}</c>, or the raw body when it is something else.</summary>
    internal static string ErrorText(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "(empty response)";
        try
        {
            var errors = JsonSerializer.Deserialize<SendGridErrors>(body, Json)?.Errors;
            if (errors is { Count: > 0 })
                return string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.Field) ? e.Message : $"{e.Field}: {e.Message}"));
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape (a proxy's page, say): report the body itself.
        }
        return body.Length <= 500 ? body : body[..500] + "...";
    }

    private sealed record SendGridErrors(IReadOnlyList<SendGridError>? Errors);

    private sealed record SendGridError(string? Message, string? Field);
}
