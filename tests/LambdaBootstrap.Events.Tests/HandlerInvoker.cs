using System.Buffers;
using System.Text;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Events.Tests;

/// <summary>Runs a buffered handler on an event as the invocation loop does, and returns its response as text.</summary>
internal static class HandlerInvoker
{
    public static async Task<string> Invoke(LambdaHandler handler, byte[] @event)
    {
        var output = new ArrayBufferWriter<byte>();
        var response = await ((BufferedHandler)handler).InvokeAsync(@event, null!, output);
        return Encoding.UTF8.GetString(response.Span);
    }
}
