using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Jobs.Memberships;

/// <summary>
/// <c>seat-lock-sweep</c>: PENDING_PAYMENT memberships whose seat lock lapsed become EXPIRED. A scheduled
/// run does nothing while <c>expirySweepEnabled</c> is off; a run by hand always sweeps.
/// </summary>
public sealed class SeatLockSweepJob(MembershipService memberships, MembershipCatalogService catalog, JobRunContext run) : ICapacityJob
{
    public const string Name = "seat-lock-sweep";
    public const string ConfigName = "SeatLockSweep";

    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        if (await MembershipSweeps.SwitchedOffAsync(catalog, run, cancellationToken)) return MembershipSweeps.SwitchedOff;
        var expired = await memberships.ExpireLapsedSeatLocksAsync(cancellationToken);
        return $"{expired} lapsed seat {(expired == 1 ? "lock" : "locks")} expired";
    }
}
