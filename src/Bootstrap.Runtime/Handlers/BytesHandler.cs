using System.Buffers;

namespace Bootstrap.Runtime.Handlers;

/// <summary>The raw shape: the event's bytes in, the response's bytes out, sent as they are.</summary>
internal sealed class BytesHandler(Func<ReadOnlyMemory<byte>, ILambdaContext, ValueTask<ReadOnlyMemory<byte>>> handler) : LambdaHandler
{
    internal override ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> output) =>
        handler(@event, context);
}
