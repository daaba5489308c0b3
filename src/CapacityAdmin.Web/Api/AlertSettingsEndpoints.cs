using System.Security.Claims;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Email;

namespace CapacityAdmin.Web.Api;

/// <summary>
/// The alert settings of <c>/settings</c> (Administrator, like the whole group): GET / PUT <c>/alert-bands</c> and
/// POST <c>/email/test</c>.
/// </summary>
public static class AlertSettingsEndpoints
{
    /// <summary>One band as sent: <c>repeatWindow</c> "24:00:00" (hours may exceed 23) or "1.00:00:00".</summary>
    public sealed record AlertBandBody(string? Threshold, decimal? MinUtilizationPercent, string? Severity, List<string>? Recipients, string? Action,
        string? RepeatWindow);

    public sealed record TestEmailBody(string? To);

    public sealed record TestEmailResponse(string Provider, string Destination, string To);

    /// <summary>
    /// GET lists the four bands, lowest first. PUT takes any of them, each complete; bands left out keep their values.
    /// A change applies to the next evaluation.
    /// </summary>
    public static RouteGroupBuilder MapAlertBandSettings(this RouteGroupBuilder settings)
    {
        settings.MapGet("/alert-bands", async (ClaimsPrincipal user, AlertSettingsService bands, CancellationToken ct) =>
            ApiResults.Map(await bands.GetAsync(user.ToActor(), ct), list => TypedResults.Ok(list.Select(AlertBandResponse.From).ToList())));

        settings.MapPut("/alert-bands", async (List<AlertBandBody>? body, ClaimsPrincipal user, AlertSettingsService bands, CancellationToken ct) =>
        {
            var inputs = new List<AlertBandSettingInput>();
            var errors = new Dictionary<string, string[]>();
            for (var i = 0; i < (body?.Count ?? 0); i++)
            {
                var b = body![i];
                if (b is null)
                {
                    errors[$"[{i}]"] = ["A band is an object."];
                    continue;
                }
                TimeSpan? window = null;
                if (b.RepeatWindow is not null)
                {
                    if (RepeatWindows.TryParse(b.RepeatWindow, out var parsed)) window = parsed;
                    else errors[$"[{i}].repeatWindow"] = [$"repeatWindow '{b.RepeatWindow}' is not a duration; write it as hh:mm:ss, e.g. \"24:00:00\"."];
                }
                inputs.Add(new AlertBandSettingInput(b.Threshold, b.MinUtilizationPercent, b.Severity, b.Recipients, b.Action, window));
            }
            if (errors.Count > 0) return ApiProblems.From(DomainError.Validation("The alert bands are invalid.", errors));
            return ApiResults.Map(await bands.UpdateAsync(user.ToActor(), inputs, ct), list => TypedResults.Ok(list.Select(AlertBandResponse.From).ToList()));
        });
        return settings;
    }

    /// <summary>Sends a test message through the configured provider (the admin's "send test email").</summary>
    public static RouteGroupBuilder MapEmailSettings(this RouteGroupBuilder settings)
    {
        settings.MapPost("/email/test", async Task<IResult> (TestEmailBody body, ClaimsPrincipal user, TestEmailService email, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.To)) return ApiProblems.From(DomainError.Validation("to", "to is required."));
            if (body.To.Trim().Length > AlertDelivery.AddressMaxLength)
                return ApiProblems.From(DomainError.Validation("to", $"An email address has at most {AlertDelivery.AddressMaxLength} characters."));
            var sent = await email.SendTestAsync(user.ToActor(), body.To, ct);
            if (sent.IsSuccess) return TypedResults.Ok(new TestEmailResponse(WireNames.Of(sent.Value.Provider), sent.Value.Destination, sent.Value.To));
            return sent.Error.Code == TestEmailService.DeliveryFailed
                ? ApiProblems.Create(StatusCodes.Status502BadGateway, sent.Error.Code, sent.Error.Detail)
                : ApiProblems.From(sent.Error);
        });
        return settings;
    }
}
