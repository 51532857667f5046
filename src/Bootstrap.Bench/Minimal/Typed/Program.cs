using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Json;
using MinimalTyped;

// One typed handler: {"name":"Ada"} in, {"message":"Hello, Ada!"} out, read and written by generated code ([LambdaJson]).
return LambdaRuntime.Run(new HandlerRegistry
{
    ["greet"] = () => LambdaHandler.Json(static (Request request, ILambdaContext _) => new Response($"Hello, {request.Name}!")),
});

namespace MinimalTyped
{
    /// <summary>The event.</summary>
    [LambdaJson(NamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
    public sealed partial record Request(string? Name);

    /// <summary>The answer.</summary>
    [LambdaJson(NamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
    public sealed partial record Response(string Message);
}
