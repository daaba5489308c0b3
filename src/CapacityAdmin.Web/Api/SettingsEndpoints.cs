using System.Globalization;
using System.Security.Claims;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Memberships;
using CapacityAdmin.Web.Auth;

namespace CapacityAdmin.Web.Api;

/// <summary>
/// <c>/settings/...</c> (api-v1.md "Users, settings, jobs"): Administrator only. Each kind of setting maps its own
/// GET and PUT on the shared group below; add the next one (e.g. <c>/alert-bands</c>) as another <c>Map...</c> call.
/// </summary>
public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder v1)
    {
        var settings = v1.MapGroup("/settings").WithTags("Settings").RequireAuthorization(ApiPolicies.Administer);
        settings.MapMembershipSettings();
        settings.MapAlertBandSettings();
        settings.MapEmailSettings();
        return v1;
    }

    private static void MapMembershipSettings(this RouteGroupBuilder settings)
    {
        settings.MapGet("/membership", async (ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
            ApiResults.Map(await catalog.GetSettingsAsync(user.ToActor(), ct), s => TypedResults.Ok(MembershipSettingsResponse.From(s))));

        // A field left out keeps its current value. A new seat-lock timeout applies at once to existing locks.
        settings.MapPut("/membership", async Task<IResult> (MembershipSettingsBody body, ClaimsPrincipal user, MembershipCatalogService catalog, CancellationToken ct) =>
        {
            var actor = user.ToActor();
            var read = await catalog.GetSettingsAsync(actor, ct);
            if (!read.IsSuccess) return ApiProblems.From(read.Error);
            var current = read.Value;
            var timeout = current.SeatLockTimeout;
            if (body.SeatLockTimeout is not null && !TryParseTimeout(body.SeatLockTimeout, out timeout))
                return ApiProblems.From(DomainError.Validation("seatLockTimeout",
                    $"seatLockTimeout '{body.SeatLockTimeout}' is not a duration; write it as hh:mm:ss, e.g. \"00:05:00\"."));
            var wanted = new SettingsSnapshot(timeout, body.ExpirySweepEnabled ?? current.ExpirySweepEnabled, body.HierarchicalCaps ?? current.HierarchicalCaps);
            return ApiResults.Map(await catalog.UpdateSettingsAsync(actor, wanted, ct), s => TypedResults.Ok(MembershipSettingsResponse.From(s)));
        });
    }

    /// <summary>The invariant constant format ("00:05:00", "1.00:00:00") and nothing looser.</summary>
    private static bool TryParseTimeout(string value, out TimeSpan timeout) =>
        TimeSpan.TryParseExact(value.Trim(), "c", CultureInfo.InvariantCulture, out timeout);
}

/// <summary><c>seatLockTimeout</c> as "hh:mm:ss" (for example "00:05:00").</summary>
public sealed record MembershipSettingsBody(string? SeatLockTimeout, bool? ExpirySweepEnabled, bool? HierarchicalCaps);

public sealed record MembershipSettingsResponse(string SeatLockTimeout, bool ExpirySweepEnabled, bool HierarchicalCaps)
{
    public static MembershipSettingsResponse From(SettingsSnapshot s) =>
        new(s.SeatLockTimeout.ToString("c", CultureInfo.InvariantCulture), s.ExpirySweepEnabled, s.HierarchicalCaps);
}
