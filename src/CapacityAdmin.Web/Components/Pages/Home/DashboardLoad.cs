using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Components.Pages.Home;

/// <summary>The outcome of loading a dashboard: its data, or the refusal in words.</summary>
public sealed class DashboardLoad<T> where T : class
{
    public T? Data { get; private init; }

    public string? Error { get; private init; }

    public static DashboardLoad<T> From(Result<T> result) =>
        result.IsSuccess ? new() { Data = result.Value } : new() { Error = Shared.ErrorText.Describe(result.Error) };
}
