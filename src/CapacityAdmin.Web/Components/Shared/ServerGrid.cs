using CapacityAdmin.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Shared;

/// <summary>
/// What every server-paged list page does around its <see cref="MudDataGrid{T}"/>: turns a domain page into grid data (a failure
/// becomes a snackbar and an empty grid), counts the matches, applies a filter from the first page, keeps the view in the address
/// bar, and reconciles the URL's sort with the grid's. The page keeps only its query and its columns.
/// </summary>
public sealed class ServerGrid<T>(NavigationManager navigation, ISnackbar snackbar, string noun, Action changed)
{
    private bool _loadedOnce;

    public MudDataGrid<T>? Grid { get; set; }

    /// <summary>Items matching the current filters (all pages).</summary>
    public int Count { get; private set; }

    public static GridData<T> Empty => new() { Items = [], TotalItems = 0 };

    /// <summary>
    /// The sort to load with. The grid's once it reports one; until then the URL's (the first load can come before the columns
    /// registered theirs); after the user clears it, <paramref name="fallback"/>.
    /// </summary>
    public (TSort Sort, bool Descending) SortOf<TSort>(GridState<T> state, Func<string?, TSort> byProperty, (TSort, bool) current, (TSort, bool) fallback)
    {
        var result = state.SortDefinitions.FirstOrDefault() is { } sort ? (byProperty(sort.SortBy), sort.Descending)
            : _loadedOnce ? fallback : current;
        _loadedOnce = true;
        return result;
    }

    /// <summary>The loaded page as grid data; a refusal is reported in a snackbar and shows an empty grid.</summary>
    public GridData<T> Show(Result<PagedResult<T>> result)
    {
        if (!result.IsSuccess)
        {
            snackbar.NotifyError($"{noun} not loaded", result.Error);
            return Empty;
        }
        Count = result.Value.Total;
        changed();
        return new GridData<T> { Items = result.Value.Items, TotalItems = result.Value.Total };
    }

    /// <summary>Applies one filter and goes back to the first page (which reloads from SQL).</summary>
    public async Task ApplyAsync(Action set)
    {
        set();
        if (Grid is null) return;
        if (Grid.CurrentPage > 0) Grid.NavigateTo(Page.First);
        await Grid.ReloadServerData();
    }

    public Task ReloadAsync() => Grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Keeps the view in the address bar (replace, so Back leaves the page rather than stepping through filters).</summary>
    public void WriteUrl(IReadOnlyDictionary<string, object?> query)
    {
        var uri = navigation.GetUriWithQueryParameters(query);
        if (uri != navigation.Uri) navigation.NavigateTo(uri, replace: true);
    }
}
