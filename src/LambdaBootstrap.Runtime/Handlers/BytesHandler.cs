using System.Buffers;
using System.Diagnostics;

namespace LambdaBootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>
    /// A handler that gets the event's bytes and returns the response's bytes, sent as they are: no JSON anywhere,
    /// the smallest and fastest path. Use it for events you parse yourself, or responses you already have as bytes.
    /// </summary>
    /// <param name="handler">Called once per invocation with the event and its context. The event's memory is only
    /// valid until the handler returns; the returned memory is read until the response is sent.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <remarks>An exception from <paramref name="handler"/> is reported to Lambda as the invocation's error, with the
    /// exception's type name as the error type.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler Bytes(Func<ReadOnlyMemory<byte>, ILambdaContext, ReadOnlyMemory<byte>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new BytesHandler([StackTraceHidden] (e, c) => new ValueTask<ReadOnlyMemory<byte>>(handler(e, c)));
    }

    /// <summary>
    /// The asynchronous form of <see cref="Bytes(Func{ReadOnlyMemory{byte}, ILambdaContext, ReadOnlyMemory{byte}})"/>:
    /// the response is sent when the task completes.
    /// </summary>
    /// <param name="handler">Called once per invocation with the event and its context; <see cref="ILambdaContext.CancellationToken"/>
    /// is cancelled at the invocation's deadline.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler Bytes(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<ReadOnlyMemory<byte>>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new BytesHandler([StackTraceHidden] (e, c) => new ValueTask<ReadOnlyMemory<byte>>(handler(e, c)));
    }
}

/// <summary>The raw kind: the event's bytes in, the response's bytes out, sent as they are.</summary>
[StackTraceHidden]
internal sealed class BytesHandler(Func<ReadOnlyMemory<byte>, ILambdaContext, ValueTask<ReadOnlyMemory<byte>>> handler) : BufferedHandler
{
    internal override ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> output) =>
        handler(@event, context);
}
