using System.Buffers;
using System.Runtime.InteropServices;

namespace Bootstrap.Runtime.Handlers;

/// <summary>The stream shape: a read-only stream over the event in; the returned stream is read to its end and disposed.</summary>
internal sealed class StreamHandler(Func<Stream, ILambdaContext, ValueTask<Stream>> handler) : LambdaHandler
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
