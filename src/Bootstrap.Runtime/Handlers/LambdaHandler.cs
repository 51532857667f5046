using System.Buffers;

namespace Bootstrap.Runtime.Handlers;

/// <summary>
/// A function's handler, made by one of the factories: <see cref="Bytes(Func{ReadOnlyMemory{byte}, ILambdaContext, ReadOnlyMemory{byte}})"/>,
/// <see cref="Stream(Func{System.IO.Stream, ILambdaContext, System.IO.Stream})"/> or <c>Json</c>, each sync or async.
/// </summary>
public abstract partial class LambdaHandler
{
    private protected LambdaHandler()
    {
    }

    /// <summary>
    /// Runs one invocation. The result is the response body: memory the handler owns, or the part of
    /// <paramref name="output"/> it wrote. Either way it is only read until the reply is sent.
    /// </summary>
    internal abstract ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> output);

    /// <summary>Bytes in, bytes out: no JSON anywhere.</summary>
    public static LambdaHandler Bytes(Func<ReadOnlyMemory<byte>, ILambdaContext, ReadOnlyMemory<byte>> handler) =>
        new BytesHandler((e, c) => new ValueTask<ReadOnlyMemory<byte>>(handler(e, c)));

    /// <summary>Bytes in, bytes out, asynchronously.</summary>
    public static LambdaHandler Bytes(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<ReadOnlyMemory<byte>>> handler) =>
        new BytesHandler((e, c) => new ValueTask<ReadOnlyMemory<byte>>(handler(e, c)));

    /// <summary>A stream over the event in, a stream to send back out (read to its end, then disposed).</summary>
    public static LambdaHandler Stream(Func<System.IO.Stream, ILambdaContext, System.IO.Stream> handler) =>
        new StreamHandler((e, c) => new ValueTask<System.IO.Stream>(handler(e, c)));

    /// <summary>A stream in, a stream out, asynchronously.</summary>
    public static LambdaHandler Stream(Func<System.IO.Stream, ILambdaContext, Task<System.IO.Stream>> handler) =>
        new StreamHandler((e, c) => new ValueTask<System.IO.Stream>(handler(e, c)));
}
