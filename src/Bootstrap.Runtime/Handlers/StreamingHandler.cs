namespace Bootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>Streaming: the handler writes its response to a <see cref="ResponseStream"/>; each flush is on the wire at once.</summary>
    public static LambdaHandler Streaming(Action<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext> handler) =>
        new StreamingHandler((e, r, c) =>
        {
            handler(e, r, c);
            return ValueTask.CompletedTask;
        });

    /// <summary>Streaming, asynchronously.</summary>
    public static LambdaHandler Streaming(Func<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext, Task> handler) =>
        new StreamingHandler((e, r, c) => new ValueTask(handler(e, r, c)));
}

/// <summary>The streaming shape. The invocation loop gives it a response stream instead of a buffer.</summary>
internal sealed class StreamingHandler(Func<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext, ValueTask> handler) : LambdaHandler
{
    internal ValueTask InvokeAsync(ReadOnlyMemory<byte> @event, ResponseStream response, ILambdaContext context) =>
        handler(@event, response, context);

    internal override ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, System.Buffers.ArrayBufferWriter<byte> output) =>
        throw new InvalidOperationException("A streaming handler answers through its response stream.");
}
