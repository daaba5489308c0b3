namespace CapacityAdmin.Domain.Common;

/// <summary>One page of a list: <c>{items, page, pageSize, total}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;

    /// <summary>Rows before this page; a page far beyond the end skips everything instead of overflowing.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, ((long)Page - 1) * PageSize);

    public static Result<PageRequest> Create(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 50;
        if (p < 1) return DomainError.Validation("page", "page must be 1 or more.");
        if (s < 1 || s > MaxPageSize) return DomainError.Validation("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        return new PageRequest(p, s);
    }
}
