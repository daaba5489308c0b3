using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

/// <summary>
/// The SendGrid v3 mail send Web API (<c>POST v3/mail/send</c>, bearer key, snake_case JSON, 202 Accepted) through a
/// typed <see cref="HttpClient"/> whose base address is <c>Email:SendGrid:BaseAddress</c>. The SDK is not on the feed.
/// </summary>
public sealed class SendGridEmailTransport(HttpClient http, IOptions<EmailOptions> options, ILogger<SendGridEmailTransport> logger) : IEmailTransport
{
    public const string SendPath = "v3/mail/send";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = new SendGridMail(
            [new Personalization([new Address(message.To)])],
            new Address(settings.FromAddress, string.IsNullOrWhiteSpace(settings.FromName) ? null : settings.FromName),
            message.Subject,
            // The API requires text/plain first, then text/html.
            [new Content("text/plain", message.TextBody), new Content("text/html", message.HtmlBody)]);

        using var request = new HttpRequestMessage(HttpMethod.Post, SendPath) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.SendGrid.ApiKey);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new EmailDeliveryException($"SendGrid at {http.BaseAddress} could not be reached: {e.Message}", innerException: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"SendGrid at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s.", innerException: e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted || response.IsSuccessStatusCode)
            {
                var id = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
                logger.LogInformation("Email '{Subject}' to {To} accepted by SendGrid ({Status}), message id {MessageId}",
                    message.Subject, message.To, (int)response.StatusCode, id ?? "(none)");
                return;
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new EmailDeliveryException(
                $"SendGrid refused the message: {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorText(text)}", (int)response.StatusCode);
        }
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

    private sealed record SendGridMail(IReadOnlyList<Personalization> Personalizations, Address From, string Subject, IReadOnlyList<Content> Content);

    private sealed record Personalization(IReadOnlyList<Address> To);

    private sealed record Address(string Email, string? Name = null);

    private sealed record Content(string Type, string Value);

    private sealed record SendGridErrors(IReadOnlyList<SendGridError>? Errors);

    private sealed record SendGridError(string? Message, string? Field);
}
