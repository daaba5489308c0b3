using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Jobs.Memberships;

/// <summary>Registration of the membership sweeps and the switch they share.</summary>
public static class MembershipSweeps
{
    /// <summary>Every minute, at second 0 (six fields, seconds first).</summary>
    public const string EveryMinute = "0 * * * * ?";

    public const string SwitchedOff = "sweeps are switched off";

    /// <summary>Registers <c>seat-lock-sweep</c> and <c>validity-sweep</c>. Call before <c>AddCapacityJobs</c>.</summary>
    public static IServiceCollection AddMembershipJobs(this IServiceCollection services) => services
        .AddCapacityJob<SeatLockSweepJob>(SeatLockSweepJob.Name, SeatLockSweepJob.ConfigName, EveryMinute)
        .AddCapacityJob<ValiditySweepJob>(ValiditySweepJob.Name, ValiditySweepJob.ConfigName, EveryMinute);

    /// <summary>True for a scheduled run while the <c>expirySweepEnabled</c> setting is off; a run by hand always sweeps.</summary>
    internal static async Task<bool> SwitchedOffAsync(MembershipCatalogService catalog, JobRunContext run, CancellationToken ct) =>
        !run.IsManual && await catalog.GetSettingsAsync(Actor.System, ct) is { IsSuccess: true, Value.ExpirySweepEnabled: false };
}
