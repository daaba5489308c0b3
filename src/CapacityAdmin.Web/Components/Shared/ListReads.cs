using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// Lists a page shows beside its main content (pick lists, jobs, keys). The page's role gate already keeps out the roles the
/// domain refuses, so a refused read shows an empty list rather than failing the page.
/// </summary>
public static class ListReads
{
    public static async Task<IReadOnlyList<T>> OrEmpty<T>(this Task<Result<IReadOnlyList<T>>> read) => (await read).Value ?? [];
}
