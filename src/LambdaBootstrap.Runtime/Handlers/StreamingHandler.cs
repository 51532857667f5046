using System.Diagnostics;

namespace LambdaBootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>
    /// A response streaming handler: it writes its response to a <see cref="ResponseStream"/>, and every flush is on the
    /// wire at once (Lambda's streaming response mode, for a function invoked with response streaming or behind a
    /// Function URL in <c>RESPONSE_STREAM</c> mode). Streamed responses may be up to 200 MB.
    /// </summary>
    /// <param name="handler">Called once per invocation with the event's bytes, the response to write and the context.
    /// The response ends when the handler returns.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <remarks>An exception before the first bytes are sent is reported as an ordinary invocation error; after that,
    /// the error ends the streamed response in its trailers.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler Streaming(Action<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new StreamingHandler([StackTraceHidden] (e, r, c) =>
        {
            handler(e, r, c);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// The asynchronous form of <see cref="Streaming(Action{ReadOnlyMemory{byte}, ResponseStream, ILambdaContext})"/>:
    /// the response ends when the task completes.
    /// </summary>
    /// <param name="handler">Called once per invocation with the event's bytes, the response to write and the context;
    /// <see cref="ILambdaContext.CancellationToken"/> is cancelled at the invocation's deadline.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler Streaming(Func<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new StreamingHandler([StackTraceHidden] (e, r, c) => new ValueTask(handler(e, r, c)));
    }
}

/// <summary>The response streaming kind: the invocation loop gives it a response stream instead of a buffer.</summary>
[StackTraceHidden]
internal sealed class StreamingHandler(Func<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext, ValueTask> handler) : LambdaHandler
{
    internal ValueTask InvokeAsync(ReadOnlyMemory<byte> @event, ResponseStream response, ILambdaContext context) =>
        handler(@event, response, context);
}
