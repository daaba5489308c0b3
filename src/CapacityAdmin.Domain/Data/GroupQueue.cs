namespace CapacityAdmin.Domain.Data;

/// <summary>
/// The queue of a group commit (<see cref="SqliteWriteGroup"/>, the refused-demand counts): calls queue here; the first to
/// find no group being written leads, takes what is queued once it is ready to write, and after the write hands the lead
/// to the first call queued meanwhile, or releases it. At most one group of a queue is written at a time.
/// </summary>
internal sealed class GroupQueue<T>
{
    private readonly object _lock = new();
    private List<T> _queued = [];
    private bool _leading;

    /// <summary>Queues <paramref name="item"/>; true when its caller is to lead (no group is being written).</summary>
    public bool Enqueue(T item)
    {
        lock (_lock)
        {
            _queued.Add(item);
            var lead = !_leading;
            _leading = true;
            return lead;
        }
    }

    /// <summary>The first <paramref name="max"/> queued items, in arrival order; the rest stay queued.</summary>
    public List<T> Take(int max = int.MaxValue)
    {
        lock (_lock)
        {
            if (_queued.Count <= max)
            {
                var all = _queued;
                _queued = [];
                return all;
            }
            var group = _queued.GetRange(0, max);
            _queued.RemoveRange(0, max);
            return group;
        }
    }

    /// <summary>After a group is written: the first item still queued, whose caller leads next; false (the lead released) when none is.</summary>
    public bool TryPassLead(out T next)
    {
        lock (_lock)
        {
            if (_queued.Count > 0)
            {
                next = _queued[0];
                return true;
            }
            _leading = false;
            next = default!;
            return false;
        }
    }
}
