using LambdaBootstrap.Runtime;

namespace Hello;

/// <summary>The function's handlers: plain methods, so a unit test can call them with a TestLambdaContext.</summary>
public static class Handlers
{
    /// <summary>greet: <c>{"name":"Ada"}</c> → <c>{"message":"Hello, Ada!"}</c>; no name greets the world.</summary>
    public static GreetResponse Greet(GreetRequest request, ILambdaContext context)
    {
        string name = string.IsNullOrWhiteSpace(request.Name) ? "world" : request.Name;
        context.Logger.LogInformation($"greeting {name}");
        return new GreetResponse($"Hello, {name}!");
    }

    /// <summary>echo: the event's bytes, unchanged.</summary>
    public static ReadOnlyMemory<byte> Echo(ReadOnlyMemory<byte> @event, ILambdaContext context) => @event;
}
