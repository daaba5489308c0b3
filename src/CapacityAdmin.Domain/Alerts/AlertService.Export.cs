using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace CapacityAdmin.Domain.Alerts;

public sealed partial class AlertService
{
    /// <summary>Rows per page of the streamed export.</summary>
    internal const int ExportPageSize = 500;

    /// <summary>
    /// The rows of the upsell list's CSV export (the page's download and GET /upsell.csv), at most <see cref="MaxExportRows"/>,
    /// in the list's order, produced as they are written, a context per page of <see cref="ExportPageSize"/>:
    /// <list type="bullet">
    /// <item>newest first (the column sort's default) in keyset pages;</item>
    /// <item>another column sort in pages of the list's own SQL order;</item>
    /// <item>the forecast order, which is computed, not stored, in two passes: the first sorts only each row's sort key, in
    /// bounded memory (<see cref="ExternalSorter{T}"/>), the second reads the rows again a page of ids at a time in that order.</item>
    /// </list>
    /// Memory holds one page of rows (and, for the forecast order, at most one run of keys), never the whole list.
    /// </summary>
    public Result<IAsyncEnumerable<UpsellItemView>> StreamUpsellExport(Actor actor, UpsellQuery query)
    {
        if (actor.Refusal(Permission.WorkUpsell, "export the upsell list") is { } denied) return denied;
        return Result<IAsyncEnumerable<UpsellItemView>>.Success(query.Sort switch
        {
            UpsellSort.Forecast => ForecastOrderedRowsAsync(query),
            UpsellSort.CreatedAt when query.Descending => NewestFirstRowsAsync(query),
            _ => ListOrderedRowsAsync(query),
        });
    }

    private async IAsyncEnumerable<UpsellItemView> ListOrderedRowsAsync(UpsellQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var skip = 0; skip < MaxExportRows; skip += ExportPageSize)
        {
            IReadOnlyList<UpsellItemView> views;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var rows = await ListOrder(db, UpsellItems(db, query), query).Skip(skip).Take(Math.Min(ExportPageSize, MaxExportRows - skip)).ToListAsync(ct);
                views = await ToUpsellViewsAsync(db, rows, ct);
            }
            foreach (var view in views) yield return view;
            if (views.Count < ExportPageSize) yield break;
        }
    }

    private async IAsyncEnumerable<UpsellItemView> NewestFirstRowsAsync(UpsellQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        (DateTimeOffset CreatedAt, Guid Id)? after = null;
        var left = MaxExportRows;
        while (left > 0)
        {
            IReadOnlyList<UpsellItemView> views;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var items = UpsellItems(db, query);
                if (after is { } a) items = items.Where(x => x.CreatedAt < a.CreatedAt || (x.CreatedAt == a.CreatedAt && x.Id.CompareTo(a.Id) > 0));
                var rows = await items.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).Take(Math.Min(ExportPageSize, left)).ToListAsync(ct);
                if (rows.Count == 0) yield break;
                after = (rows[^1].CreatedAt, rows[^1].Id);
                views = await ToUpsellViewsAsync(db, rows, ct);
            }
            foreach (var view in views) yield return view;
            left -= views.Count;
            if (views.Count < ExportPageSize) yield break;
        }
    }

    /// <summary>Forecast sort keys held in memory before a sorted run goes to a temporary file (~64 bytes each).</summary>
    private const int ForecastSortRunSize = 4096;

    private async IAsyncEnumerable<UpsellItemView> ForecastOrderedRowsAsync(UpsellQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // The keys are sorted in bounded memory (ExternalSorter: sorted runs of ForecastSortRunSize keys spill to a temporary
        // file and are merged), so memory is flat whatever the number of rows; the rows are then read again a page of ids at a time.
        using var keys = new ExternalSorter<ForecastSortKey>(ForecastSortRunSize, ForecastSortKey.Size, ForecastSortKey.Write, ForecastSortKey.Read,
            Comparer<ForecastSortKey>.Default);
        await foreach (var view in NewestFirstRowsAsync(query, ct)) keys.Add(ForecastSortKey.Of(view));
        foreach (var chunk in keys.Sorted().Chunk(ExportPageSize))
        {
            Dictionary<Guid, UpsellItemView> views;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var ids = chunk.Select(k => k.AlertId).ToList();
                var rows = await db.Alerts.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.Id)).ToListAsync(ct);
                views = (await ToUpsellViewsAsync(db, rows, ct)).ToDictionary(v => v.AlertId);
            }
            foreach (var key in chunk)
                if (views.TryGetValue(key.AlertId, out var view)) yield return view;
        }
    }

    /// <summary>The fields <see cref="UpsellItemView.CompareByForecast"/> orders by, and that order.</summary>
    private readonly record struct ForecastSortKey(bool RunsOutBeforeEnd, int ProjectedDay, decimal LiveUtilization, DateTimeOffset CreatedAt, Guid AlertId)
        : IComparable<ForecastSortKey>
    {
        /// <summary>Bytes of one key on disk: flag, day, decimal, UTC ticks, id.</summary>
        public const int Size = 1 + 4 + 16 + 8 + 16;

        public static ForecastSortKey Of(UpsellItemView v) =>
            new(v.RunsOutBeforeEnd == true, v.ProjectedHardLimitAt?.DayNumber ?? int.MaxValue, v.LiveUtilizationPercent ?? -1m, v.CreatedAt, v.AlertId);

        public static void Write(ForecastSortKey k, Span<byte> to)
        {
            to[0] = k.RunsOutBeforeEnd ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(to[1..], k.ProjectedDay);
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(k.LiveUtilization, bits);
            for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(to[(5 + 4 * i)..], bits[i]);
            BinaryPrimitives.WriteInt64LittleEndian(to[21..], k.CreatedAt.UtcTicks);
            k.AlertId.TryWriteBytes(to[29..]);
        }

        public static ForecastSortKey Read(ReadOnlySpan<byte> from)
        {
            Span<int> bits = stackalloc int[4];
            for (var i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32LittleEndian(from[(5 + 4 * i)..]);
            return new ForecastSortKey(from[0] == 1, BinaryPrimitives.ReadInt32LittleEndian(from[1..]), new decimal(bits),
                new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(from[21..]), TimeSpan.Zero), new Guid(from.Slice(29, 16)));
        }

        public int CompareTo(ForecastSortKey other)
        {
            var c = other.RunsOutBeforeEnd.CompareTo(RunsOutBeforeEnd);
            if (c == 0) c = ProjectedDay.CompareTo(other.ProjectedDay);
            if (c == 0) c = other.LiveUtilization.CompareTo(LiveUtilization);
            if (c == 0) c = other.CreatedAt.CompareTo(CreatedAt);
            return c != 0 ? c : AlertId.CompareTo(other.AlertId);
        }
    }

    /// <summary>
    /// The open upsell items (new or contacted) most likely to lead the live-utilization ranking: for campaign pools, bundle
    /// pools and the rest (level caps, pools gone: the utilization when raised) the <paramref name="perKind"/> highest by an
    /// approximate ratio computed in SQL, oldest first among equals, as views. The caller ranks them exactly; with a margin
    /// well above what it shows, rounding in the approximation cannot change its top items.
    /// </summary>
    internal async Task<IReadOnlyList<UpsellItemView>> OpenUpsellCandidatesAsync(int perKind, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = db.Alerts.AsNoTracking().Where(a => a.UpsellStatus == UpsellStatus.New || a.UpsellStatus == UpsellStatus.Contacted);
        var campaigns = await (from a in open
                               where a.PoolType == PoolType.Campaign
                               join c in db.Campaigns on a.PoolId equals c.Id
                               let used = c.PricingModel == PricingModel.Credits ? c.CreditsConsumedCents
                                   : c.PricingModel == PricingModel.Iaas ? (long)c.LearnersEnrolled : (long)c.VolunteersEnrolled
                               let limit = c.PricingModel == PricingModel.Credits ? (c.CreditAllocationCents ?? 0L)
                                   : c.PricingModel == PricingModel.Iaas ? (long)(c.LearnersCommitted ?? 0) : (long)c.VolunteerLimit
                               orderby (limit > 0 ? (double)used / limit : (double)used) descending, a.CreatedAt, a.Id
                               select a.Id).Take(perKind).ToListAsync(ct);
        var bundles = await (from a in open
                             where a.PoolType == PoolType.Bundle
                             join b in db.Bundles on a.PoolId equals b.Id
                             orderby (b.Capacity > 0 ? (double)b.VolunteersUsed / b.Capacity : (double)b.VolunteersUsed) descending, a.CreatedAt, a.Id
                             select a.Id).Take(perKind).ToListAsync(ct);
        var others = await open
            .Where(a => !(a.PoolType == PoolType.Campaign && db.Campaigns.Any(c => c.Id == a.PoolId))
                && !(a.PoolType == PoolType.Bundle && db.Bundles.Any(b => b.Id == a.PoolId)))
            .OrderByDescending(a => (double)a.UtilizationPercent).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => a.Id).Take(perKind).ToListAsync(ct);
        var ids = campaigns.Concat(bundles).Concat(others).ToList();
        var rows = await db.Alerts.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.Id)).ToListAsync(ct);
        return await ToUpsellViewsAsync(db, rows, ct);
    }
}
