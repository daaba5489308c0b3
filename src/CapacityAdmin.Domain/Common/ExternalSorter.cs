using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace CapacityAdmin.Domain.Common;

/// <summary>
/// Sorts any number of fixed-size records in bounded memory: records are buffered up to <c>runSize</c>; a full buffer is sorted
/// and written to a temporary file (deleted on dispose) as one run, and <see cref="Sorted"/> merges the runs, reading each through
/// a small buffer. Memory holds one run and one buffer per run, whatever the number of records; up to one run, nothing touches
/// the disk. Equal records keep no particular order: give the comparer a unique tie-break.
/// </summary>
public sealed class ExternalSorter<T> : IDisposable
{
    private const int ReadBufferBytes = 4096;

    private readonly int _runSize;
    private readonly int _recordSize;
    private readonly SpanWriter _write;
    private readonly SpanReader _read;
    private readonly IComparer<T> _comparer;
    private readonly List<T> _buffer = [];
    private readonly List<(long Offset, int Count)> _runs = [];
    private SafeFileHandle? _file;
    private long _length;

    public delegate void SpanWriter(T record, Span<byte> destination);

    public delegate T SpanReader(ReadOnlySpan<byte> source);

    public ExternalSorter(int runSize, int recordSize, SpanWriter write, SpanReader read, IComparer<T> comparer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(recordSize, 1);
        (_runSize, _recordSize, _write, _read, _comparer) = (runSize, recordSize, write, read, comparer);
    }

    /// <summary>Records written to disk so far (0 while everything fits in one run).</summary>
    public int SpilledRuns => _runs.Count;

    public void Add(T record)
    {
        _buffer.Add(record);
        if (_buffer.Count >= _runSize) Spill();
    }

    /// <summary>Every record added, in order. Enumerate once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<T> Sorted()
    {
        _buffer.Sort(_comparer);
        if (_runs.Count == 0)
        {
            foreach (var record in _buffer) yield return record;
            yield break;
        }

        var readers = _runs.Select(r => new RunReader(this, r.Offset, r.Count)).ToList();
        readers.Add(RunReader.InMemory(this, _buffer));
        var heap = new PriorityQueue<int, T>(readers.Count, _comparer);
        for (var i = 0; i < readers.Count; i++)
            if (readers[i].TryNext(out var first)) heap.Enqueue(i, first);
        while (heap.TryDequeue(out var index, out var record))
        {
            yield return record;
            if (readers[index].TryNext(out var next)) heap.Enqueue(index, next);
        }
        foreach (var reader in readers) reader.Dispose();
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    private void Spill()
    {
        _buffer.Sort(_comparer);
        _file ??= File.OpenHandle(Path.Combine(Path.GetTempPath(), $"capacity-sort-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, FileOptions.DeleteOnClose);
        var bytes = ArrayPool<byte>.Shared.Rent(_buffer.Count * _recordSize);
        try
        {
            for (var i = 0; i < _buffer.Count; i++) _write(_buffer[i], bytes.AsSpan(i * _recordSize, _recordSize));
            RandomAccess.Write(_file, bytes.AsSpan(0, _buffer.Count * _recordSize), _length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
        _runs.Add((_length, _buffer.Count));
        _length += (long)_buffer.Count * _recordSize;
        _buffer.Clear();
    }

    /// <summary>One sorted run, read sequentially through a small buffer (or the last run, still in memory).</summary>
    private sealed class RunReader : IDisposable
    {
        private readonly ExternalSorter<T> _owner;
        private readonly List<T>? _memory;
        private readonly byte[]? _bytes;
        private long _offset;
        private int _left, _buffered, _position;

        public RunReader(ExternalSorter<T> owner, long offset, int count)
        {
            (_owner, _offset, _left) = (owner, offset, count);
            _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(ReadBufferBytes, owner._recordSize));
        }

        private RunReader(ExternalSorter<T> owner, List<T> memory) => (_owner, _memory, _left) = (owner, memory, memory.Count);

        public static RunReader InMemory(ExternalSorter<T> owner, List<T> records) => new(owner, records);

        public bool TryNext(out T record)
        {
            record = default!;
            if (_memory is not null)
            {
                if (_position >= _memory.Count) return false;
                record = _memory[_position++];
                return true;
            }
            if (_position >= _buffered)
            {
                if (_left == 0) return false;
                var records = Math.Min(_left, _bytes!.Length / _owner._recordSize);
                var length = records * _owner._recordSize;
                for (var read = 0; read < length;)
                {
                    var n = RandomAccess.Read(_owner._file!, _bytes.AsSpan(read, length - read), _offset + read);
                    if (n == 0) throw new EndOfStreamException("A sort run ended early.");
                    read += n;
                }
                (_offset, _left, _buffered, _position) = (_offset + length, _left - records, records, 0);
            }
            record = _owner._read(_bytes.AsSpan(_position++ * _owner._recordSize, _owner._recordSize));
            return true;
        }

        public void Dispose()
        {
            if (_bytes is not null) ArrayPool<byte>.Shared.Return(_bytes);
        }
    }
}
