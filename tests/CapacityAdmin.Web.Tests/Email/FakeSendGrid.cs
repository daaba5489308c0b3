using CapacityAdmin.Web.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>
/// The SendGrid v3 mail send endpoint, faked in process on 127.0.0.1 (Kestrel, free port). Like the real service it
/// answers 401 to a wrong (or revoked: <see cref="AcceptedKey"/>) key, 400 with <c>{"errors":[{"message","field","help"}]}</c>
/// to a malformed or refused body (contents out of order, an unverified sender, a recipient in
/// <see cref="InvalidRecipients"/>), 429 while <see cref="Throttled"/>, and 202 with <c>X-Message-Id</c> otherwise.
/// Every request is recorded.
/// </summary>
public sealed class FakeSendGrid : IAsyncLifetime
{
    public const string ApiKey = "SG.test-key.0123456789";
    public const string UnverifiedSender = "unverified@capacity.example.org";

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The key SendGrid accepts; change it to revoke the app's key.</summary>
    public string AcceptedKey { get; set; } = ApiKey;

    /// <summary>Addresses SendGrid refuses with 400.</summary>
    public ConcurrentDictionary<string, bool> InvalidRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>While true, every request is answered 429 Too Many Requests.</summary>
    public bool Throttled { get; set; }

    /// <summary>
    /// When set, the request that would be the Nth accepted one is held open and never answered (a server dying
    /// mid-send); it is recorded with status 499 once its client goes away. One-shot: later requests are answered.
    /// </summary>
    public int? HoldAcceptedNumber { get; set; }

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _accepted;

    public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string Body, int Status, string? MessageId,
        string? UserAgent = null)
    {
        /// <summary>The <c>delivery_id</c> custom argument, wherever the SDK put it (personalization or message level).</summary>
        public string? DeliveryId => (Json["personalizations"]?[0]?["custom_args"]?["delivery_id"] ?? Json["custom_args"]?["delivery_id"])?.GetValue<string>();

        public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v3/mail/send", (Delegate)HandleAsync);
        _app.MapFallback((HttpContext context) =>
            Error(StatusCodes.Status404NotFound, $"Not found: {context.Request.Method} {context.Request.Path}", null));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public RecordedRequest Single(string to) =>
        Assert.Single(Requests, r => r.Body.Contains(to, StringComparison.Ordinal));

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var authorization = context.Request.Headers.Authorization.ToString();

        (int Status, string? MessageId, IResult Result) answer;
        if (authorization != $"Bearer {AcceptedKey}")
            answer = (401, null, Error(401, "The provided authorization grant is invalid, expired, or revoked", null));
        else if (Throttled)
        {
            context.Response.Headers["Retry-After"] = "60";
            answer = (429, null, Error(429, "too many requests", null));
        }
        else if (Validate(body) is { } problem)
            answer = (400, null, Error(400, problem.Message, problem.Field));
        else if (JsonNode.Parse(body)?["personalizations"]?[0]?["to"]?[0]?["email"]?.GetValue<string>() is { } to && InvalidRecipients.ContainsKey(to))
            answer = (400, null, Error(400, "Does not contain a valid address.", "personalizations.0.to.0.email"));
        else if (Interlocked.Increment(ref _accepted) == HoldAcceptedNumber)
        {
            Held.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, authorization, context.Request.ContentType, body, 499, null));
            return Results.Empty;
        }
        else
        {
            var id = Guid.NewGuid().ToString("N")[..22];
            context.Response.Headers["X-Message-Id"] = id;
            answer = (202, id, Results.StatusCode(StatusCodes.Status202Accepted));
        }
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, authorization, context.Request.ContentType, body, answer.Status,
            answer.MessageId, context.Request.Headers.UserAgent.ToString()));
        return answer.Result;
    }

    private static (string Message, string? Field)? Validate(string body)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(body); }
        catch (JsonException) { return ("Bad Request", null); }
        if (root?["personalizations"]?[0]?["to"]?[0]?["email"]?.GetValue<string>() is not { Length: > 0 })
            return ("The personalizations field is required and must have at least one personalization with a to address.", "personalizations");
        var from = root["from"]?["email"]?.GetValue<string>();
        if (from is not { Length: > 0 }) return ("The from object must be provided for every email send.", "from");
        if (root["subject"]?.GetValue<string>() is not { Length: > 0 }) return ("The subject is required.", "subject");
        var types = root["content"]?.AsArray().Select(c => c?["type"]?.GetValue<string>()).ToList() ?? [];
        if (types.Count == 0 || types[0] != "text/plain")
            return ("The content value must be in order: text/plain first, then text/html.", "content");
        if (from == UnverifiedSender)
            return ("The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.", "from");
        return null;
    }

    private static IResult Error(int status, string message, string? field)
    {
        var json = JsonSerializer.Serialize(new { errors = new[] { new { message, field, help = (string?)null } } });
        return Results.Content(json, "application/json", statusCode: status);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
