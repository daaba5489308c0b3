using CapacityAdmin.Domain.Memberships;

namespace CapacityAdmin.Web.Jobs.Memberships;

/// <summary>
/// <c>validity-sweep</c>: ACTIVE memberships whose expiry has passed become EXPIRED. A scheduled run does
/// nothing while <c>expirySweepEnabled</c> is off; a run by hand always sweeps.
/// </summary>
public sealed class ValiditySweepJob(MembershipService memberships, MembershipCatalogService catalog, JobRunContext run) : ICapacityJob
{
    public const string Name = "validity-sweep";
    public const string ConfigName = "ValiditySweep";

    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        if (await MembershipSweeps.SwitchedOffAsync(catalog, run, cancellationToken)) return MembershipSweeps.SwitchedOff;
        var expired = await memberships.ExpirePastValidityAsync(cancellationToken);
        return $"{expired} {(expired == 1 ? "membership" : "memberships")} past validity expired";
    }
}
