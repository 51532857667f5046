using System.Runtime.CompilerServices;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// A streamed response as it arrives: every read is kept in order, so any number of readers (the invoker relaying
/// it, a test) can follow it from the first byte, however late they start, without the writer ever waiting for them.
/// </summary>
internal sealed class StreamedResponseRecording
{
    private readonly Lock _lock = new();
    private readonly List<byte[]> _pieces = [];
    private readonly List<StreamedChunk> _chunks = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _firstByteAt;
    private long _length;
    private bool _completed;

    private readonly TimeProvider _time;

    /// <param name="time">The clock its reads are timed on (<see cref="RuntimeApiOptions.TimeProvider"/>).</param>
    public StreamedResponseRecording(string contentType, TimeProvider time)
    {
        ContentType = contentType;
        _time = time;
    }

    /// <summary>The function's Content-Type for the response.</summary>
    public string ContentType { get; }

    public long Length
    {
        get { lock (_lock) return _length; }
    }

    public bool IsCompleted
    {
        get { lock (_lock) return _completed; }
    }

    /// <summary>Each read so far, in arrival order.</summary>
    public IReadOnlyList<StreamedChunk> Chunks
    {
        get { lock (_lock) return _chunks.ToArray(); }
    }

    /// <summary>All bytes streamed so far.</summary>
    public byte[] ToArray()
    {
        lock (_lock)
            return Join(_pieces, _length);
    }

    /// <summary>The pieces one after another, in one array of <paramref name="length"/> bytes (their total).</summary>
    internal static byte[] Join(IEnumerable<byte[]> pieces, long length)
    {
        var all = new byte[length];
        int at = 0;
        foreach (byte[] piece in pieces)
        {
            piece.CopyTo(all, at);
            at += piece.Length;
        }
        return all;
    }

    /// <summary>Adds one read. False (and nothing kept) once the stream is complete.</summary>
    internal bool Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return true;
        lock (_lock)
        {
            if (_completed)
                return false;
            long now = _time.GetTimestamp();
            if (_pieces.Count == 0)
                _firstByteAt = now;
            _pieces.Add(bytes.ToArray());
            _chunks.Add(new StreamedChunk(_time.GetElapsedTime(_firstByteAt, now), bytes.Length));
            _length += bytes.Length;
            Signal();
        }
        return true;
    }

    /// <summary>No more bytes: readers finish once they have what was kept. Safe to call more than once.</summary>
    internal void Complete()
    {
        lock (_lock)
        {
            if (_completed)
                return;
            _completed = true;
            Signal();
        }
    }

    /// <summary>Every piece from the first, as it arrives, until the stream is complete.</summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        int next = 0;
        while (true)
        {
            byte[]? piece = null;
            Task? changed = null;
            lock (_lock)
            {
                if (next < _pieces.Count)
                    piece = _pieces[next++];
                else if (!_completed)
                    changed = _changed.Task;
            }
            if (piece is not null)
                yield return piece;
            else if (changed is not null)
                await changed.WaitAsync(cancellationToken);
            else
                yield break;
        }
    }

    // Called under the lock: wakes every waiting reader, and arms a fresh signal for the next change.
    private void Signal()
    {
        var changed = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
