using System.Buffers;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The response of a streaming handler (<see cref="Handlers.LambdaHandler.Streaming(Action{ReadOnlyMemory{byte}, ResponseStream, ILambdaContext})"/>):
/// a write-only stream whose bytes reach the caller while the handler still runs. Writes are collected until
/// <see cref="Flush"/> (or until 16 KiB are pending), then go out at once as one chunk. Nothing is sent before the
/// first flush, so an exception until then is reported as an ordinary invocation error; after it, the error ends
/// the response in its trailers. The runtime ends the response when the handler returns: do not keep the stream.
/// </summary>
/// <remarks>
/// If the connection to the Runtime API breaks while streaming, a write or flush throws; the invocation cannot be
/// saved, and the runtime ends the process once the handler returns, whether or not the handler caught the exception.
/// </remarks>
public sealed class ResponseStream : Stream
{
    private const int FlushThresholdBytes = 16 * 1024;

    private readonly Func<string, Http.ChunkedBodyWriter> _start;
    private readonly ArrayBufferWriter<byte> _pending = new(1024);
    private Http.ChunkedBodyWriter? _body;
    private string _contentType = "application/octet-stream";

    internal ResponseStream(Func<string, Http.ChunkedBodyWriter> start) => _start = start;

    /// <summary>The response's content type, <c>application/octet-stream</c> unless set; set it before the first flush.</summary>
    /// <exception cref="InvalidOperationException">Set after the response has started.</exception>
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

    /// <summary>Whether the response has started: the first flush has sent its head, so <see cref="ContentType"/> is fixed and an error can only end the stream.</summary>
    public bool HasStarted => _body is not null;

    /// <summary>The number of bytes sent so far (written and flushed; pending bytes are not counted).</summary>
    public long BytesSent { get; private set; }

    /// <summary>Adds <paramref name="buffer"/> to the response; it is sent at the next flush, or at once when 16 KiB are pending.</summary>
    /// <param name="buffer">The bytes to write.</param>
    /// <exception cref="ObjectDisposedException">The response has already ended.</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_body?.IsFinished == true)
            throw new ObjectDisposedException(nameof(ResponseStream), "The response has already ended.");
        _pending.Append(buffer);
        if (_pending.WrittenCount >= FlushThresholdBytes)
            Flush();
    }

    /// <summary>Sends what was written since the last flush as one chunk now, starting the response if it has not started.</summary>
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

    /// <inheritdoc cref="Write(ReadOnlySpan{byte})"/>
    /// <param name="buffer">The array that holds the bytes to write.</param>
    /// <param name="offset">Where the bytes start in <paramref name="buffer"/>.</param>
    /// <param name="count">How many bytes to write.</param>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Sends what was written since the last flush, as <see cref="Flush"/> does; the send completes before the task is returned.</summary>
    /// <param name="cancellationToken">Not used: the chunk is sent synchronously.</param>
    /// <returns>A completed task.</returns>
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <summary>Adds <paramref name="buffer"/> to the response, as <see cref="Write(ReadOnlySpan{byte})"/> does.</summary>
    /// <param name="buffer">The bytes to write.</param>
    /// <param name="cancellationToken">Not used: writing is synchronous.</param>
    /// <returns>A completed task.</returns>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Adds the bytes to the response, as <see cref="Write(ReadOnlySpan{byte})"/> does.</summary>
    /// <param name="buffer">The array that holds the bytes to write.</param>
    /// <param name="offset">Where the bytes start in <paramref name="buffer"/>.</param>
    /// <param name="count">How many bytes to write.</param>
    /// <param name="cancellationToken">Not used: writing is synchronous.</param>
    /// <returns>A completed task.</returns>
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

    /// <summary>False: the response is write-only.</summary>
    public override bool CanRead => false;

    /// <summary>False: bytes go out in order, and sent bytes cannot be taken back.</summary>
    public override bool CanSeek => false;

    /// <summary>True until the response has ended.</summary>
    public override bool CanWrite => _body?.IsFinished != true;

    /// <summary>Not supported: the response's length is not known until it ends (see <see cref="BytesSent"/>).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Length => throw new NotSupportedException();

    /// <summary>Not supported: the stream cannot seek.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Not supported: the response is write-only.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Not supported: the stream cannot seek.</summary>
    /// <param name="offset">Unused.</param>
    /// <param name="origin">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <summary>Not supported: the response's length follows from what is written.</summary>
    /// <param name="value">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void SetLength(long value) => throw new NotSupportedException();
}
