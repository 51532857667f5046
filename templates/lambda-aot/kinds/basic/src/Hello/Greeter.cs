using LambdaBootstrap.Runtime;

namespace Hello;

/// <summary>The greet handler: <c>{"name":"Ada"}</c> → <c>{"message":"Hello, Ada!"}</c>; no name greets the world.</summary>
public static class Greeter
{
    public static GreetResponse Greet(GreetRequest request, ILambdaContext context)
    {
        string name = string.IsNullOrWhiteSpace(request.Name) ? "world" : request.Name;
        context.Logger.LogInformation($"greeting {name}");
        return new GreetResponse($"Hello, {name}!");
    }
}
