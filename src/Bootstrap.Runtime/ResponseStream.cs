using System.Buffers;

namespace Bootstrap.Runtime;

/// <summary>
/// The response of a streaming handler. Writes are collected until <see cref="Stream.Flush"/> (or 16 KiB),
/// then go out at once as one chunk of the <c>/response</c> body. Nothing reaches the Runtime API before the
/// first flush, so an exception until then is reported as an ordinary error; after it, the error travels in
/// the body's trailers.
/// </summary>
public sealed class ResponseStream : Stream
{
    private const int FlushThresholdBytes = 16 * 1024;

    private readonly Func<string, Http.ChunkedBodyWriter> _start;
    private readonly ArrayBufferWriter<byte> _pending = new(1024);
    private Http.ChunkedBodyWriter? _body;
    private string _contentType = "application/octet-stream";

    internal ResponseStream(Func<string, Http.ChunkedBodyWriter> start) => _start = start;

    /// <summary>The response's content type; settable until the first byte is sent.</summary>
    public string ContentType
    {
        get => _contentType;
        set
        {
            if (HasStarted)
                throw new InvalidOperationException("The content type cannot change once the response has started.");
            _contentType = value;
        }
    }

    /// <summary>Whether the response head has gone out to the Runtime API.</summary>
    public bool HasStarted => _body is not null;

    /// <summary>Bytes sent so far.</summary>
    public long BytesSent { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_body?.IsFinished == true)
            throw new ObjectDisposedException(nameof(ResponseStream), "The response has already ended.");
        _pending.Write(buffer);
        if (_pending.WrittenCount >= FlushThresholdBytes)
            Flush();
    }

    /// <summary>Sends what was written as one chunk now (starting the response if it has not started).</summary>
    public override void Flush()
    {
        OnConnection(() =>
        {
            _body ??= _start(_contentType);
            _body.WriteChunk(_pending.WrittenSpan);
        });
        BytesSent += _pending.WrittenCount;
        _pending.ResetWrittenCount();
    }

    /// <summary>Runs a write to the Runtime API; a broken connection becomes <see cref="ConnectionFailure"/>.</summary>
    private void OnConnection(Action write)
    {
        if (ConnectionFailure is not null)
            throw ConnectionFailure;
        try
        {
            write();
        }
        catch (IOException e)
        {
            // The handler may catch this; the invocation loop still sees it and ends the process.
            ConnectionFailure = new RuntimeApiException($"lost the Runtime API connection while streaming the response: {e.Message}");
            throw ConnectionFailure;
        }
    }

    /// <summary>Set when the connection broke under the stream: fatal for the runtime, whatever the handler did.</summary>
    internal RuntimeApiException? ConnectionFailure { get; private set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <summary>Ends the response normally: what is still pending, then the last chunk.</summary>
    internal void Complete()
    {
        Flush();
        OnConnection(() => _body!.Finish());
    }

    /// <summary>Ends a started response with the error in the trailers. Pending bytes are sent first: they were written.</summary>
    internal void Fail(ErrorReport error)
    {
        Flush();
        var json = new ArrayBufferWriter<byte>(1024);
        error.WriteJson(json);
        string body = Convert.ToBase64String(json.WrittenSpan);
        OnConnection(() => _body!.Finish(
        [
            ("Lambda-Runtime-Function-Error-Type", error.ErrorType),
            ("Lambda-Runtime-Function-Error-Body", body),
        ]));
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => _body?.IsFinished != true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
