using System.Buffers;

namespace LambdaBootstrap.Runtime.Handlers;

/// <summary>
/// The kinds whose whole response is ready before it is sent: bytes, typed JSON and buffered streams. The invocation
/// loop sends their result in one <c>/response</c> with a <c>Content-Length</c>.
/// </summary>
internal abstract class BufferedHandler : LambdaHandler
{
    /// <summary>
    /// Runs one invocation. The result is the response body: memory the handler owns, or the part of
    /// <paramref name="output"/> it wrote. Either way it is only read until the reply is sent.
    /// </summary>
    internal abstract ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> output);
}
