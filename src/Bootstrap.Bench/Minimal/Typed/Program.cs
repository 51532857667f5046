using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using MinimalTyped;

// One typed handler: {"name":"Ada"} in, {"message":"Hello, Ada!"} out, through the function's own JSON context.
return LambdaRuntime.Run(new HandlerRegistry
{
    ["greet"] = () => LambdaHandler.Json(
        static (Request request, ILambdaContext _) => new Response($"Hello, {request.Name}!"),
        FunctionJson.Default.Request, FunctionJson.Default.Response),
});

namespace MinimalTyped
{
    /// <summary>The event.</summary>
    public sealed record Request(string? Name);

    /// <summary>The answer.</summary>
    public sealed record Response(string Message);

    /// <summary>The function's own source-generated JSON.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Request))]
    [JsonSerializable(typeof(Response))]
    public sealed partial class FunctionJson : JsonSerializerContext;
}
