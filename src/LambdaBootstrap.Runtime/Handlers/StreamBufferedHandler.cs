using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LambdaBootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>
    /// A handler for code that already works with streams: a read-only stream over the event in, a stream to send
    /// back out. The returned stream is read to its end and disposed, and its bytes are sent as one buffered response
    /// (up to Lambda's 6 MB limit). This is not response streaming: for a response that goes out while it is being
    /// written, use <see cref="Streaming(Action{ReadOnlyMemory{byte}, ResponseStream, ILambdaContext})"/>.
    /// </summary>
    /// <param name="handler">Called once per invocation with the event and its context.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler StreamBuffered(Func<Stream, ILambdaContext, Stream> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new StreamBufferedHandler([StackTraceHidden] (e, c) => new ValueTask<Stream>(handler(e, c)));
    }

    /// <summary>
    /// The asynchronous form of <see cref="StreamBuffered(Func{Stream, ILambdaContext, Stream})"/>: the returned
    /// stream is read (asynchronously) to its end and disposed, then its bytes are sent as one response.
    /// </summary>
    /// <param name="handler">Called once per invocation with the event and its context; <see cref="ILambdaContext.CancellationToken"/>
    /// is cancelled at the invocation's deadline.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler StreamBuffered(Func<Stream, ILambdaContext, Task<Stream>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new StreamBufferedHandler([StackTraceHidden] (e, c) => new ValueTask<Stream>(handler(e, c)));
    }
}

/// <summary>The buffered stream kind: a read-only stream over the event in; the returned stream is read to its end and disposed.</summary>
[StackTraceHidden]
internal sealed class StreamBufferedHandler(Func<Stream, ILambdaContext, ValueTask<Stream>> handler) : BufferedHandler
{
    internal override async ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> output)
    {
        var input = MemoryMarshal.TryGetArray(@event, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(@event.ToArray(), writable: false);
        await using var response = await handler(input, context).ConfigureAwait(false);
        if (response is MemoryStream memory && memory.TryGetBuffer(out var written))
            return written.AsMemory((int)memory.Position);
        while (true)
        {
            int read = await response.ReadAsync(output.GetMemory(16 * 1024), context.CancellationToken).ConfigureAwait(false);
            if (read == 0)
                return output.WrittenMemory;
            output.Advance(read);
        }
    }
}
