using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime.Handlers;

namespace Hello;

/// <summary>The function's handlers, by name: Program.cs runs them, and the unit tests invoke them in-process.</summary>
public static class Function
{
    public static HandlerRegistry Handlers => new()
    {
        // A streamed HTTP response behind a Function URL in RESPONSE_STREAM mode: the client reads each line as it is flushed.
        ["stream"] = () => LambdaHandler.HttpStreaming(Countdown.Handle),
    };
}
