using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace Hello;

/// <summary>The function's handlers, by name: Program.cs runs them, and the unit tests invoke them in-process.</summary>
public static class Function
{
    public static HandlerRegistry Handlers => new()
    {
        // Typed: the [LambdaJson] records' generated code reads the event and writes the result (Greeting.cs).
        ["greet"] = () => LambdaHandler.Json<GreetRequest, GreetResponse>(Greeter.Greet),
        // Bytes in, bytes out: no JSON at all, the smallest and fastest path.
        ["echo"] = () => LambdaHandler.Bytes((ReadOnlyMemory<byte> @event, ILambdaContext context) => @event),
    };
}
