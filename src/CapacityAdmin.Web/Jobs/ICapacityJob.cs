namespace CapacityAdmin.Web.Jobs;

/// <summary>A background job: one call into one domain service. Must be idempotent and safe on several servers.</summary>
public interface ICapacityJob
{
    /// <summary>Runs the job once; returns a short human summary (for the jobs page).</summary>
    Task<string?> RunAsync(CancellationToken cancellationToken);
}
